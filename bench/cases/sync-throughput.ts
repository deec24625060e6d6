import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { databaseFile } from '../../main/shared/data-dir.ts';
import { secretKeyFile } from '../../main/utility-link/secret-box.ts';
import { copyFixture, SYNC_SECRET } from '../fixtures/sync-db.ts';
import { fixtureInChild } from '../lib/fixture-child.ts';
import { checkPeakRssMb } from '../lib/peak-rss.ts';
import { formatSamples, median, round1 } from '../lib/stats.ts';
import { type BenchContext, type BenchResult, defineCase } from '../types.ts';
import { envCount } from '../lib/env.ts';

type Measured = { recordsPerS: number[]; peakRssMb: number[]; bareRecordsPerS: number[]; bareRssMb: number[] };

/** Runs `node args`, resolving with the JSON of its last stdout line. */
function nodeJson<T>(root: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`${args[0]} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1) ?? 'null') as T);
    });
  });
}

/** The utility: test/integration/utility-server.ts in its own process, so its memory is not the hall's. */
async function startUtility(root: string): Promise<{ url: string; count: () => Promise<{ records: number; twice: number }>; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'test/integration/utility-server.ts'), '--secret', SYNC_SECRET, '--keep-data', 'no'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  const first = await nextLine();
  const url = /utility server on (\S+)/.exec(first)?.[1];
  if (!url) throw new Error(`utility server said: ${first}`);
  return {
    url,
    async count() {
      const answer = nextLine();
      child.stdin!.write('count\n');
      return JSON.parse(await answer) as { records: number; twice: number };
    },
    stop: () => child.kill('SIGKILL'),
  };
}

let measured: Promise<Measured> | undefined;

/**
 * One measurement feeds both cases: each run copies the fixture (N queued records), starts a
 * fresh utility server, and spawns `bench/children/sync-run.ts`, which runs the sync of gas
 * as the hall does and reports its time and its own peak RSS (VmHWM from /proc/self/status;
 * getrusage's maxrss would carry over the bench parent's peak across fork and exec). The utility is then
 * asked how many records it holds and whether any came twice; anything but N and 0 fails.
 * Baseline: `bench/children/read-outbox.ts` reading the same queue with better-sqlite3.
 */
function measure(ctx: BenchContext): Promise<Measured> {
  measured ??= (async () => {
    const records = envCount(ctx, 'ONEWINDOW_BENCH_SYNC_RECORDS', 1_000_000);
    const runs = Math.min(ctx.runs, envCount(ctx, 'ONEWINDOW_BENCH_SYNC_RUNS', 3));
    // Built in a process of its own: a million-row fill must not stay in this one's memory.
    const fixture = await fixtureInChild<{ dataDir: string }>(ctx, 'sync', records);
    const result: Measured = { recordsPerS: [], peakRssMb: [], bareRecordsPerS: [], bareRssMb: [] };
    const work = join(ctx.cacheDir, 'sync-run');
    for (let i = 1; i <= runs; i++) {
      copyFixture(fixture.dataDir, work);
      const bare = await nodeJson<{ records: number; ms: number; peakRssMb: number }>(ctx.root, [
        join(ctx.root, 'bench/children/read-outbox.ts'),
        databaseFile(work),
      ]);
      result.bareRecordsPerS.push((bare.records / bare.ms) * 1000);
      result.bareRssMb.push(checkPeakRssMb(bare.peakRssMb, 'read-outbox.ts'));
      const utility = await startUtility(ctx.root);
      try {
        const run = await nodeJson<{ records: number; ms: number; peakRssMb: number; state: string; error: string | null }>(ctx.root, [
          join(ctx.root, 'bench/children/sync-run.ts'),
          work,
          utility.url,
        ]);
        if (run.state !== 'succeeded' || run.records !== records)
          throw new Error(`sync run ${run.state} with ${run.records} of ${records} records: ${run.error}`);
        const held = await utility.count();
        if (held.records !== records || held.twice !== 0) throw new Error(`the utility holds ${held.records} records, ${held.twice} of them delivered twice`);
        result.recordsPerS.push((run.records / run.ms) * 1000);
        result.peakRssMb.push(checkPeakRssMb(run.peakRssMb, 'sync-run.ts'));
        ctx.log(
          `  run ${i}/${runs}: ${records} records in ${Math.round(run.ms)} ms, peak RSS ${round1(run.peakRssMb)} MB; bare read ${Math.round(bare.ms)} ms, ${round1(bare.peakRssMb)} MB`,
        );
      } finally {
        utility.stop();
      }
    }
    rmSync(work, { recursive: true, force: true });
    rmSync(secretKeyFile(work), { force: true });
    ctx.log(`  records/s: ${formatSamples(result.recordsPerS)}; bare reads/s: ${formatSamples(result.bareRecordsPerS)}`);
    return result;
  })();
  return measured;
}

/** One measurement serves both cases: each reads its own figure and its baseline from it. */
const figure = async (ctx: BenchContext, pick: (m: Measured) => BenchResult): Promise<BenchResult> => pick(await measure(ctx));

export const syncRecordsPerS = defineCase({
  name: 'sync.records_per_s',
  unit: 'records/s',
  target: '>= 20000',
  run: (ctx) => figure(ctx, (m) => ({ value: Math.round(median(m.recordsPerS)), baseline: Math.round(median(m.bareRecordsPerS)) })),
});

export const syncPeakRssMb = defineCase({
  name: 'sync.peak_rss_mb',
  unit: 'MB',
  target: '<= 300',
  run: (ctx) => figure(ctx, (m) => ({ value: round1(Math.max(...m.peakRssMb)), baseline: round1(Math.max(...m.bareRssMb)) })),
});
