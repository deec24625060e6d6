import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupFileName } from '../../db/backup.ts';
import type { HallFixture } from '../fixtures/hall-db.ts';
import { timeChild } from '../lib/child.ts';
import { fixtureInChild } from '../lib/fixture-child.ts';
import { postJson } from '../lib/http.ts';
import { formatSamples, median, round1 } from '../lib/stats.ts';
import { defineCase } from '../types.ts';
import { envAmount } from '../lib/env.ts';

const localDay = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/**
 * Spawn `node main/server/cli.ts` on a ~2 GB hall database and time until the first
 * POST /api/setup/status answers 200 (the public call: hall/status needs a session).
 * Baseline: spawn a child that only opens the same database through db/connection.ts
 * and runs SELECT count(*) FROM staff, timed until it prints the answer.
 *
 * ONEWINDOW_BENCH_DB_MB (default 2048) sizes the database. Each run gets an empty
 * --backup-dir, so the start is the day's first and the daily backup is due, as it is
 * in a hall every morning; ONEWINDOW_BENCH_BACKUP=done pre-creates today's backup file
 * instead, to see the start without it. The OS file cache cannot be dropped without
 * root, so the database is warm in the page cache: this is a warm-cache cold start.
 */
export const hallColdStart = defineCase({
  name: 'hall.cold_start_ms',
  unit: 'ms',
  target: '<= 1500',
  async run(ctx) {
    const sizeMb = envAmount(ctx, 'ONEWINDOW_BENCH_DB_MB', 2048);
    const backupDone = ctx.env.ONEWINDOW_BENCH_BACKUP === 'done';
    const fixture = await fixtureInChild<HallFixture>(ctx, 'hall', sizeMb);
    const cli = join(ctx.root, 'main/server/cli.ts');
    const openDb = join(ctx.root, 'bench/children/open-db.ts');

    const hall: number[] = [];
    const bare: number[] = [];
    // Interleaved, so drift in the machine's load hits both series alike.
    for (let i = 1; i <= ctx.runs; i++) {
      const backupDir = mkdtempSync(join(ctx.cacheDir, 'backups-'));
      try {
        if (backupDone) writeFileSync(join(backupDir, backupFileName(localDay(new Date()))), '');
        let listeningMs = 0;
        const started = await timeChild({
          args: [cli, '--data', fixture.dataDir, '--port', '0', '--log-level', 'warn', '--backup-dir', backupDir],
          cwd: ctx.root,
          async ready(line, elapsed) {
            const url = /OneWindow hall server listening on (http:\/\/\S+)/.exec(line)?.[1];
            if (!url) return false;
            listeningMs = elapsed();
            const res = await postJson(`${url}/api/setup/status`, {});
            if (res.status !== 200) throw new Error(`setup/status answered ${res.status}: ${JSON.stringify(res.body)}`);
            return true;
          },
        });
        await started.stop();
        hall.push(started.ms);

        const opened = await timeChild({ args: [openDb, fixture.file], cwd: ctx.root, ready: (line) => line.startsWith('staff=') });
        await opened.stop();
        bare.push(opened.ms);
        ctx.log(`  run ${i}/${ctx.runs}: hall ${round1(started.ms)} ms (listening at ${round1(listeningMs)} ms), bare open+query ${round1(opened.ms)} ms`);
      } finally {
        rmSync(backupDir, { recursive: true, force: true });
      }
    }
    ctx.log(`  hall samples: ${formatSamples(hall)}; baseline samples: ${formatSamples(bare)} (backup ${backupDone ? 'already done' : 'due'})`);
    return { value: round1(median(hall)), baseline: round1(median(bare)) };
  },
});
