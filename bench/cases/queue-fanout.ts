import { performance } from 'node:perf_hooks';
import { connectScreens, expectOk, httpClient, percentile, prepareQueueHall, type Screens, spawnBareFastify, spawnHall } from '../lib/queue-hall.ts';
import { checkLatencies, medianOfRuns, round1 } from '../lib/stats.ts';
import { defineCase } from '../types.ts';

const SUBSCRIBERS = 100;
const CALLS = 50;
const WARM_UP_CALLS = 5;

/** Waits until every subscriber has seen the event `key` picks out, and returns when each one saw it. */
function collector(screens: Screens, key: (event: { type: string; payload: unknown }) => number | undefined) {
  const arrivals = new Map<number, number[]>();
  const waiters = new Map<number, () => void>();
  screens.onEvent((event, at) => {
    const k = key(event);
    if (k === undefined) return;
    const list = arrivals.get(k) ?? [];
    list.push(at);
    arrivals.set(k, list);
    if (list.length === SUBSCRIBERS) waiters.get(k)?.();
  });
  return async (k: number): Promise<number[]> => {
    if ((arrivals.get(k)?.length ?? 0) < SUBSCRIBERS) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${arrivals.get(k)?.length ?? 0} of ${SUBSCRIBERS} screens saw event ${k} within 5 s`)), 5000);
        waiters.set(k, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const seen = arrivals.get(k)!;
    arrivals.delete(k);
    waiters.delete(k);
    return seen;
  };
}

/** Per board and call: from sending the request (the clerk's press) to the board receiving the event. */
type Delays = number[];

/** One clerk calls CALLS tickets one after another at a hall with 100 boards listening. */
async function hallRun(ctx: Parameters<typeof prepareQueueHall>[0]): Promise<Delays> {
  const data = prepareQueueHall(ctx, { counters: 1, displays: SUBSCRIBERS });
  const server = await spawnHall(ctx, data.dataDir).catch((error: unknown) => {
    data.remove();
    throw error;
  });
  const client = httpClient();
  let screens: Screens | undefined;
  try {
    const clerk = data.clerks[0]!;
    const api = (method: string) => `${server.url}/api/${method}`;
    for (let i = 0; i < WARM_UP_CALLS + CALLS; i++)
      expectOk('queue/issue', await client.post(api('queue/issue'), { categoryId: data.categoryIds[0] }, clerk.token));
    screens = await connectScreens(server.url, data.displayTokens);
    const arrived = collector(screens, (event) => (event.type === 'queue/called' ? (event.payload as { ticketId: number }).ticketId : undefined));
    const delays: Delays = [];
    for (let i = 0; i < WARM_UP_CALLS + CALLS; i++) {
      const pressedAt = performance.now();
      const res = await client.post(api('queue/callNext'), { counterId: clerk.counterId }, clerk.token);
      const ticket = expectOk('queue/callNext', res) as { id: number } | null;
      if (!ticket) throw new Error('queue/callNext found nobody waiting');
      const seen = await arrived(ticket.id);
      if (i >= WARM_UP_CALLS) delays.push(...seen.map((at) => at - pressedAt));
      expectOk('queue/finish', await client.post(api('queue/finish'), { counterId: clerk.counterId, ticketId: ticket.id }, clerk.token));
    }
    return delays;
  } finally {
    client.close();
    await screens?.close();
    await server.stop();
    data.remove();
  }
}

/** The same with a bare Fastify route that broadcasts a constant to the 100 sockets before it answers. */
async function bareRun(ctx: Parameters<typeof prepareQueueHall>[0]): Promise<Delays> {
  const server = await spawnBareFastify(ctx);
  const client = httpClient();
  let screens: Screens | undefined;
  try {
    screens = await connectScreens(server.url, Array(SUBSCRIBERS).fill('bench'));
    const arrived = collector(screens, (event) => (event.type === 'bench/broadcast' ? (event.payload as { n: number }).n : undefined));
    const delays: Delays = [];
    for (let i = 0; i < WARM_UP_CALLS + CALLS; i++) {
      const pressedAt = performance.now();
      const res = await client.post(`${server.url}/api/bench/broadcast`, {});
      const { n } = expectOk('broadcast', res) as { n: number };
      const seen = await arrived(n);
      if (i >= WARM_UP_CALLS) delays.push(...seen.map((at) => at - pressedAt));
    }
    return delays;
  } finally {
    client.close();
    await screens?.close();
    await server.stop();
  }
}

/**
 * How soon the calling boards show a call. 100 display sessions subscribe on /api/events;
 * a clerk calls 50 tickets one after another (call, wait for every board, finish). Each
 * sample is the time from sending callNext (the clerk's press) to one board receiving that
 * ticket's queue/called event: what the clerk and the customer see. Not from the HTTP
 * answer: the hall pushes before it answers, so that difference could be negative; any
 * sample <= 0 fails the case. Value: p99 over the 5,000 samples of a run, median over the
 * runs. Baseline: a bare Fastify + @fastify/websocket route broadcasting a constant to 100
 * sockets before answering, measured the same way from its request's send.
 */
export const queueFanoutP99 = defineCase({
  name: 'queue.fanout.p99_ms',
  unit: 'ms',
  target: '<= 20',
  async run(ctx) {
    const hall: number[] = [];
    const bare: number[] = [];
    for (let i = 1; i <= ctx.runs; i++) {
      const h = checkLatencies(await hallRun(ctx), 'queue.fanout (hall)');
      const b = checkLatencies(await bareRun(ctx), 'queue.fanout (bare)');
      hall.push(percentile(h, 99));
      bare.push(percentile(b, 99));
      const pct = (d: Delays) =>
        `p99 ${round1(percentile(d, 99))} ms (p50 ${round1(percentile(d, 50))}, min ${round1(percentile(d, 0))}, max ${round1(percentile(d, 100))})`;
      ctx.log(`  run ${i}/${ctx.runs}: from the press, hall ${pct(h)}, ${h.length} samples; bare ${pct(b)}`);
    }
    return medianOfRuns(ctx.log, 'hall', hall, bare);
  },
});
