import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkLatencies, median, medianOfRuns, round1 } from '../lib/stats.ts';
import {
  closedLoop,
  connectScreens,
  expectOk,
  httpClient,
  openLoop,
  percentile,
  prepareQueueHall,
  type RunningServer,
  spawnBareFastify,
  spawnHall,
} from '../lib/queue-hall.ts';
import type { BenchContext } from '../types.ts';
import { defineCase } from '../types.ts';
import { envAmount } from '../lib/env.ts';

/** The hall's load while it is measured: its counters open, its calling boards listening. */
const COUNTERS = 50;
const DISPLAYS = 20;
const RATE = 200;
/** Kiosks and counter screens issuing at once in the throughput case, each on its own connection. */
const CLIENTS = 64;

const seconds = (ctx: BenchContext, fallback: number): number => envAmount(ctx, 'ONEWINDOW_BENCH_LOAD_SECONDS', fallback);

type Target = { fire: (i: number) => Promise<void>; stop: () => Promise<void> };

/** The real hall: 50 clerks at open counters, 20 boards on /api/events, tickets issued by the clerks in turn across the categories. */
async function hallTarget(ctx: BenchContext): Promise<Target> {
  const data = prepareQueueHall(ctx, { counters: COUNTERS, displays: DISPLAYS });
  let server: RunningServer | undefined;
  try {
    server = await spawnHall(ctx, data.dataDir);
    const screens = await connectScreens(server.url, data.displayTokens);
    const client = httpClient(CLIENTS);
    const url = `${server.url}/api/queue/issue`;
    const running = server;
    return {
      async fire(i) {
        const clerk = data.clerks[i % data.clerks.length]!;
        expectOk('queue/issue', await client.post(url, { categoryId: data.categoryIds[i % data.categoryIds.length] }, clerk.token));
      },
      async stop() {
        client.close();
        await screens.close();
        await running.stop();
        data.remove();
      },
    };
  } catch (error) {
    await server?.stop();
    data.remove();
    throw error;
  }
}

/**
 * A plain Fastify POST route that commits one row to a SQLite file opened as the hall opens
 * its own (WAL, synchronous=FULL) and answers after the commit: the framework's cost plus
 * the one fsync a durable ticket cannot do without, so the ratio to the hall is honest.
 */
async function bareTarget(ctx: BenchContext): Promise<Target> {
  mkdirSync(ctx.cacheDir, { recursive: true });
  const dir = mkdtempSync(join(ctx.cacheDir, 'bare-commit-'));
  let server: RunningServer;
  try {
    server = await spawnBareFastify(ctx, join(dir, 'bare.db'));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const client = httpClient(CLIENTS);
  const url = `${server.url}/api/bench/commit`;
  return {
    async fire(i) {
      expectOk('bare route', await client.post(url, { categoryId: 1 + (i % 3) }));
    },
    async stop() {
      client.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `measure` on a fresh target after a warm-up second at the same load. */
async function withTarget<T>(make: () => Promise<Target>, measure: (t: Target) => Promise<T>): Promise<T> {
  const target = await make();
  try {
    return await measure(target);
  } finally {
    await target.stop();
  }
}

/**
 * Issue latency at a busy hall's peak. POST /api/queue/issue at 200 tickets a second
 * (open loop, latency from each request's due time) for ONEWINDOW_BENCH_LOAD_SECONDS
 * (default 10) after a 1 s warm-up, on a fresh hall whose 50 counters are open, each by
 * its own clerk session, and whose 20 calling boards are connected on /api/events (every
 * ticket pushes them a queue/changed and a hall/status event). Value: p99 of a run, median
 * over the runs. Baseline: the same load on a bare Fastify POST route that commits one row
 * to a SQLite file in WAL mode with synchronous=FULL and answers after the commit
 * (bench/children/bare-fastify.ts), runs interleaved.
 */
export const queueIssueP99 = defineCase({
  name: 'queue.issue.p99_ms',
  unit: 'ms',
  target: '<= 10',
  async run(ctx) {
    const durationMs = seconds(ctx, 10) * 1000;
    const measure = async (t: Target) => {
      await openLoop(t.fire, RATE, 1000);
      const latencies = checkLatencies(await openLoop(t.fire, RATE, durationMs), 'queue.issue');
      return { p99: percentile(latencies, 99), p50: percentile(latencies, 50), max: percentile(latencies, 100), n: latencies.length };
    };
    const hall: number[] = [];
    const bare: number[] = [];
    for (let i = 1; i <= ctx.runs; i++) {
      const h = await withTarget(() => hallTarget(ctx), measure);
      const b = await withTarget(() => bareTarget(ctx), measure);
      hall.push(h.p99);
      bare.push(b.p99);
      ctx.log(
        `  run ${i}/${ctx.runs}: hall p99 ${round1(h.p99)} ms (p50 ${round1(h.p50)}, max ${round1(h.max)}, ${h.n} tickets), bare p99 ${round1(b.p99)} ms (p50 ${round1(b.p50)}, max ${round1(b.max)})`,
      );
    }
    return medianOfRuns(ctx.log, 'hall', hall, bare);
  },
});

/**
 * How many tickets a second the hall can issue with the same 50 counters and 20 boards:
 * 64 callers (kiosks and counter screens, each on its own keep-alive connection) send the
 * next request as soon as the last answers, for half of ONEWINDOW_BENCH_LOAD_SECONDS
 * (default 5 s) after a 1 s warm-up. Median over the runs. Baseline: the bare durable route
 * (one row committed with synchronous=FULL per request) under the same callers. Both are
 * driven from this one bench process, so the bare figure is partly the client's own limit.
 */
export const queueIssueThroughput = defineCase({
  name: 'queue.issue.throughput_per_s',
  unit: 'tickets/s',
  target: '>= 2000',
  async run(ctx) {
    const durationMs = (seconds(ctx, 10) * 1000) / 2;
    const measure = async (t: Target) => {
      await closedLoop(t.fire, CLIENTS, 1000);
      return closedLoop(t.fire, CLIENTS, durationMs);
    };
    const hall: number[] = [];
    const bare: number[] = [];
    for (let i = 1; i <= ctx.runs; i++) {
      hall.push(await withTarget(() => hallTarget(ctx), measure));
      bare.push(await withTarget(() => bareTarget(ctx), measure));
      ctx.log(`  run ${i}/${ctx.runs}: hall ${Math.round(hall.at(-1)!)} tickets/s, bare durable route ${Math.round(bare.at(-1)!)} tickets/s`);
    }
    return { value: Math.round(median(hall)), baseline: Math.round(median(bare)) };
  },
});
