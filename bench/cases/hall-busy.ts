import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { backupFileName } from '../../db/backup.ts';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { defaultSessionPolicy, openStaffSession } from '../../main/core/auth/sessions.ts';
import { systemClock } from '../../main/core/clock.ts';
import { hallDay } from '../../common/hall-time.ts';
import { hallTimeZone } from '../../main/core/hall/time-zone.ts';
import { databaseFile } from '../../main/shared/data-dir.ts';
import type { BusyFixture } from '../fixtures/busy-db.ts';
import { REPORT_MONTH } from '../fixtures/reports-db.ts';
import { type LoopStall, runNodeJson, startBusyHall } from '../lib/busy-hall.ts';
import { fixtureInChild } from '../lib/fixture-child.ts';
import { connectScreens, expectOk, httpClient, percentile, prepareQueueHall, type QueueHallData, type Screens } from '../lib/queue-hall.ts';
import { checkLatencies, formatSamples, median, round1 } from '../lib/stats.ts';
import { type BenchContext, defineCase } from '../types.ts';
import { envAmount, envCount } from '../lib/env.ts';

const COUNTERS = 50;
const BOARDS = 20;
/** Tickets a second from the kiosks: more than 50 counters serving 1.5–3.5 min would take, but enough samples in seconds. */
const ISSUE_RATE = 20;
/** How long a counter serves a ticket before it finishes it, in ms (a day's minutes, compressed to seconds). */
const serviceMs = (counter: number, call: number): number => 1500 + ((counter * 7919 + call * 104_729) % 2000);
/** A counter that found nobody waiting presses again after this long. */
const EMPTY_WAIT_MS = 500;

/** `diskSync`: the disk's own answer time in the phase, one small durable append (write + fdatasync) each 50 ms beside the hall. */
type Phase = { issue: number[]; callToBoard: number[]; stall: LoopStall; seconds: number; calls: number; diskSync: number[] };
type Run = { quiet: Phase; busy: Phase };

/** Resolves with the arrival times of ticket `id`'s queue/called event at every board. */
function boardArrivals(screens: Screens, boards: number) {
  const arrivals = new Map<number, number[]>();
  const waiters = new Map<number, () => void>();
  screens.onEvent((event, at) => {
    if (event.type !== 'queue/called') return;
    const id = (event.payload as { ticketId: number }).ticketId;
    const list = arrivals.get(id) ?? [];
    list.push(at);
    arrivals.set(id, list);
    if (list.length === boards) waiters.get(id)?.();
  });
  return async (id: number): Promise<number[]> => {
    if ((arrivals.get(id)?.length ?? 0) < boards) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${arrivals.get(id)?.length ?? 0} of ${boards} boards showed ticket ${id} within 60 s`)), 60_000);
        waiters.set(id, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const seen = arrivals.get(id)!;
    arrivals.delete(id);
    waiters.delete(id);
    return seen;
  };
}

/**
 * The hall at work until `done()`: kiosks issue ISSUE_RATE tickets a second (open loop,
 * latency from each ticket's due time, over a few kiosk connections), and each of the 50
 * counters calls the next ticket, waits until all 20 boards show it (call-to-board: from
 * the press to each board), serves it a while and finishes it, on the counters' own connections.
 */
async function work(
  url: string,
  data: QueueHallData,
  arrived: (id: number) => Promise<number[]>,
  done: () => boolean,
): Promise<Omit<Phase, 'stall' | 'seconds' | 'diskSync'>> {
  const kiosks = httpClient(4);
  const counters = httpClient(10);
  const api = (method: string) => `${url}/api/${method}`;
  const issue: number[] = [];
  const callToBoard: number[] = [];
  let calls = 0;
  const issuing = (async () => {
    const start = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; !done(); i++) {
      const due = start + (i * 1000) / ISSUE_RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const clerk = data.clerks[i % data.clerks.length]!;
      // A timer may wake a fraction of a millisecond before it is due (Node rounds the loop's
      // clock to the millisecond): a ticket sent early is timed from its sending, never from
      // a moment still to come (a fast answer then read as a negative latency).
      const from = Math.min(due, performance.now());
      pending.push(
        kiosks.post(api('queue/issue'), { categoryId: data.categoryIds[i % data.categoryIds.length] }, clerk.token).then((res) => {
          expectOk('queue/issue', res);
          issue.push(performance.now() - from);
        }),
      );
    }
    await Promise.all(pending);
  })();
  const serving = data.clerks.map(async (clerk, c) => {
    for (let n = 0; !done(); n++) {
      const pressed = performance.now();
      const ticket = expectOk('queue/callNext', await counters.post(api('queue/callNext'), { counterId: clerk.counterId }, clerk.token)) as {
        id: number;
      } | null;
      if (!ticket) {
        await sleep(EMPTY_WAIT_MS);
        continue;
      }
      calls++;
      callToBoard.push(...(await arrived(ticket.id)).map((at) => at - pressed));
      await sleep(serviceMs(c, n));
      expectOk('queue/finish', await counters.post(api('queue/finish'), { counterId: clerk.counterId, ticketId: ticket.id }, clerk.token));
    }
  });
  try {
    await Promise.all([issuing, ...serving]);
  } finally {
    kiosks.close();
    counters.close();
  }
  return { issue, callToBoard, calls };
}

/**
 * What a durable commit costs on this disk at the moment, with nothing of the hall in it: a
 * ticket is answered only once its commit is on disk, so its issue time can be no shorter.
 */
async function probeDisk(file: string, done: () => boolean): Promise<number[]> {
  const handle = await open(file, 'a');
  const line = Buffer.alloc(128, 'x');
  const times: number[] = [];
  try {
    while (!done()) {
      const t = performance.now();
      await handle.write(line);
      await handle.datasync();
      times.push(performance.now() - t);
      await sleep(50);
    }
  } finally {
    await handle.close();
    rmSync(file, { force: true });
  }
  return times;
}

const describe = (p: Phase): string =>
  `${p.seconds.toFixed(1)} s, issue p99 ${round1(percentile(p.issue, 99))} ms (p50 ${round1(percentile(p.issue, 50))}, ${p.issue.length} tickets), ` +
  `call to board p99 ${round1(percentile(p.callToBoard, 99))} ms (${p.calls} calls), loop stall max ${round1(p.stall.maxMs)} ms (p99 ${round1(p.stall.p99Ms)}), ` +
  `disk's durable append p99 ${round1(percentile(p.diskSync, 99))} ms (max ${round1(Math.max(...p.diskSync))})`;

/** One run: a fresh copy of the busy hall, a quiet phase, then the same load beside a backup, a monthly report and a disk writer. */
async function oneRun(ctx: BenchContext, fixture: BusyFixture, seconds: number, writeMb: number, maxSeconds: number): Promise<Run> {
  const data = prepareQueueHall(ctx, { counters: COUNTERS, displays: BOARDS, from: fixture.file });
  const backupDir = join(data.dataDir, 'backups');
  mkdirSync(backupDir, { recursive: true });
  const db = openDatabase(databaseFile(data.dataDir));
  let manager: string;
  try {
    manager = openStaffSession(db, systemClock, defaultSessionPolicy, fixture.managerId).token;
    // Today's scheduled copy is there already: the only backup in the run is the one the case starts.
    writeFileSync(join(backupDir, backupFileName(hallDay(systemClock.now(), hallTimeZone(db)))), '');
  } finally {
    closeDatabase(db);
  }
  /** The busy phase's side jobs still running, for the message when they outlast the limit. */
  const unfinished = new Set<string>();
  let hall: Awaited<ReturnType<typeof startBusyHall>> | undefined;
  let screens: Screens | undefined;
  try {
    hall = await startBusyHall(ctx, data.dataDir, backupDir);
    screens = await connectScreens(hall.url, data.displayTokens);
    const arrived = boardArrivals(screens, BOARDS);
    const running = hall;
    const phase = async (extra: () => Promise<void>): Promise<Phase> => {
      await running.resetLoopMonitor();
      const started = performance.now();
      let extraDone = false;
      // Side jobs that never end (a backup restarted by every commit) must fail the case, not hang the bench.
      const limit = new AbortController();
      const side = Promise.race([
        extra(),
        sleep(maxSeconds * 1000, undefined, { signal: limit.signal }).then(() => {
          throw new Error(`${[...unfinished].join(', ')} not done after ${maxSeconds} s of load (ONEWINDOW_BENCH_BUSY_MAX_SECONDS)`);
        }),
      ]).finally(() => {
        extraDone = true;
        limit.abort();
      });
      // A failing side job (backup, report, writer) ends the load at once and fails the run.
      let failed = false;
      side.catch(() => {
        failed = true;
      });
      let loadDone = false;
      const probe = probeDisk(join(data.dataDir, 'disk-probe.tmp'), () => loadDone);
      const load = await work(running.url, data, arrived, () => failed || (extraDone && performance.now() - started >= seconds * 1000)).finally(() => {
        loadDone = true;
      });
      const stall = await running.loopStall();
      const result = { ...load, stall, seconds: (performance.now() - started) / 1000, diskSync: await probe };
      try {
        await side;
      } catch (error) {
        // What the load saw until then is still worth reading when a side job fails or never ends.
        if (load.issue.length > 0 && load.callToBoard.length > 0) ctx.log(`    until it stopped: ${describe(result)}`);
        throw error;
      }
      if (!(stall.samples > 0) || !Number.isFinite(stall.maxMs)) throw new Error(`the hall's event loop monitor took no samples (${JSON.stringify(stall)})`);
      return result;
    };
    // Warm-up: the queue fills a little and every path runs once; not measured.
    await work(
      running.url,
      data,
      arrived,
      (() => {
        const end = performance.now() + 3000;
        return () => performance.now() >= end;
      })(),
    );
    const quiet = await phase(async () => {});
    const manage = httpClient(2);
    const busy = await phase(async () => {
      const timed = async (what: string, job: () => Promise<unknown>) => {
        const t = performance.now();
        unfinished.add(what);
        await job();
        unfinished.delete(what);
        ctx.log(`    ${what} took ${(performance.now() - t).toFixed(0)} ms`);
      };
      try {
        await Promise.all([
          timed(`backups/run (${Math.round(fixture.bytes / 2 ** 20)} MB)`, async () =>
            expectOk('backups/run', await manage.post(`${running.url}/api/backups/run`, {}, manager)),
          ),
          timed(`reports/monthly ${REPORT_MONTH}`, async () =>
            expectOk('reports/monthly', await manage.post(`${running.url}/api/reports/monthly`, { month: REPORT_MONTH }, manager)),
          ),
          timed(`writing ${writeMb} MB beside the hall`, () =>
            runNodeJson(ctx, [join(ctx.root, 'bench/children/disk-writer.ts'), join(ctx.cacheDir, `busy-writer-${process.pid}.tmp`), String(writeMb)]),
          ),
        ]);
      } finally {
        manage.close();
      }
    });
    return { quiet, busy };
  } finally {
    await screens?.close();
    await hall?.stop();
    data.remove();
  }
}

let measured: Promise<Run[]> | undefined;

/**
 * One measurement feeds the three hall.busy cases. Per run (min(ONEWINDOW_BENCH_RUNS,
 * ONEWINDOW_BENCH_BUSY_RUNS=3)): a fresh copy of the busy fixture (busy-db.ts,
 * ONEWINDOW_BENCH_DB_MB MB), 50 open counters and 20 boards; a quiet phase of
 * ONEWINDOW_BENCH_LOAD_SECONDS (default 10) s, then the same load while a manual backup
 * (backups/run, as a manager), the monthly report of REPORT_MONTH and a 200 MB
 * (ONEWINDOW_BENCH_BUSY_WRITE_MB) fsynced file write run, until all three are done and at
 * least as long (at most ONEWINDOW_BENCH_BUSY_MAX_SECONDS, default 900, or the case fails).
 * The quiet phase is each case's baseline.
 */
function measure(ctx: BenchContext): Promise<Run[]> {
  measured ??= (async () => {
    const sizeMb = envAmount(ctx, 'ONEWINDOW_BENCH_DB_MB', 2048);
    const seconds = envAmount(ctx, 'ONEWINDOW_BENCH_LOAD_SECONDS', 10);
    const writeMb = envAmount(ctx, 'ONEWINDOW_BENCH_BUSY_WRITE_MB', 200);
    const maxSeconds = envAmount(ctx, 'ONEWINDOW_BENCH_BUSY_MAX_SECONDS', 900);
    const runs = Math.min(ctx.runs, envCount(ctx, 'ONEWINDOW_BENCH_BUSY_RUNS', 3));
    const fixture = await fixtureInChild<BusyFixture>(ctx, 'busy', sizeMb);
    const result: Run[] = [];
    for (let i = 1; i <= runs; i++) {
      const run = await oneRun(ctx, fixture, seconds, writeMb, maxSeconds);
      for (const [name, p] of Object.entries(run)) {
        checkLatencies(p.issue, `hall.busy (${name}) issue`);
        checkLatencies(p.callToBoard, `hall.busy (${name}) call to board`);
      }
      result.push(run);
      ctx.log(`  run ${i}/${runs}: quiet ${describe(run.quiet)}`);
      ctx.log(`  run ${i}/${runs}: busy  ${describe(run.busy)}`);
    }
    return result;
  })();
  return measured;
}

/** The value (busy) and baseline (quiet) of one figure: per run, then the median over runs. */
async function figure(ctx: BenchContext, of: (p: Phase) => number) {
  const runs = await measure(ctx);
  const busy = runs.map((r) => of(r.busy));
  const quiet = runs.map((r) => of(r.quiet));
  ctx.log(`  busy samples: ${formatSamples(busy)}; quiet samples: ${formatSamples(quiet)}`);
  return { value: round1(median(busy)), baseline: round1(median(quiet)) };
}

export const hallBusyIssueP99 = defineCase({
  name: 'hall.busy.issue_p99_ms',
  unit: 'ms',
  target: '<= 100',
  run: (ctx) => figure(ctx, (p) => percentile(p.issue, 99)),
});

export const hallBusyCallToBoardP99 = defineCase({
  name: 'hall.busy.call_to_board_p99_ms',
  unit: 'ms',
  target: '<= 200',
  run: (ctx) => figure(ctx, (p) => percentile(p.callToBoard, 99)),
});

export const hallBusyLoopStallMax = defineCase({
  name: 'hall.busy.loop_stall_max_ms',
  unit: 'ms',
  target: '<= 50',
  run: (ctx) => figure(ctx, (p) => p.stall.maxMs),
});
