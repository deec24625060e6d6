import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, HALL_DAY, hallDayAnswers, seedHallDay } from '../fixtures/hall-day.ts';
import { openTestHall, type TestHall } from '../../main/core/testing.ts';

// The desktop app runs the hall from JavaScript compiled by `npm run build:electron`, where the
// worker threads are found by their .js names next to their callers. No Electron binary runs
// here, but the compiled code is plain Node: this compiles it as the build does and runs the
// hall's core thread and its report, backup and checkpoint workers from the output, on a real hall database.
const root = join(import.meta.dirname, '..', '..');
let outDir: string;
let hall: TestHall;

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  // Inside the project, so the compiled files find node_modules as the packaged app does.
  outDir = mkdtempSync(join(root, '.tmp', 'compiled-'));
  const tsc = spawnSync(
    process.execPath,
    [join(root, 'node_modules/@typescript/native/bin/tsc'), '-p', join(root, 'tsconfig.electron.json'), '--outDir', outDir],
    { encoding: 'utf8' },
  );
  expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  hall = openTestHall();
  seedHallDay(hall.db);
}, 120_000);

afterAll(() => {
  hall?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** Runs an ES module snippet under plain Node, next to the compiled output. */
function runCompiled(source: string, env: Record<string, string>): string {
  const script = join(outDir, `run-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, source);
  const child = spawnSync(process.execPath, [script], { cwd: outDir, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  expect(child.status, child.stderr).toBe(0);
  return child.stdout;
}

describe('the compiled desktop build', () => {
  it('computes a report in its compiled report worker', () => {
    const out = runCompiled(
      `const { createReportWorkers } = await import(process.env.OUT + '/main/server/report-workers.js');
       const workers = createReportWorkers({ databaseFile: process.env.DB });
       const report = await workers.build(process.env.DAY, process.env.DAY, new Date(process.env.NOW));
       await workers.close();
       process.stdout.write(JSON.stringify(report.queue.total));`,
      { OUT: outDir, DB: hall.db.name, DAY: HALL_DAY, NOW: at(HALL_DAY, '18:00') },
    );
    expect(JSON.parse(out)).toEqual(hallDayAnswers.tickets.total);
  });

  it('writes a backup through its compiled backup worker', () => {
    const backups = join(outDir, 'backups');
    const out = runCompiled(
      `const { openDatabase, closeDatabase } = await import(process.env.OUT + '/db/connection.js');
       const { backupDatabase } = await import(process.env.OUT + '/db/backup.js');
       const db = openDatabase(process.env.DB);
       const { file } = await backupDatabase(db, { dir: process.env.DIR, fileName: 'onewindow-2026-11-20.db', retention: { kind: 'scheduled', daily: 3, weekly: 0, monthly: 0 } });
       closeDatabase(db);
       const copy = openDatabase(file, { readonly: true });
       process.stdout.write(String(copy.prepare('SELECT count(*) AS n FROM tickets').get().n));
       closeDatabase(copy);`,
      { OUT: outDir, DB: hall.db.name, DIR: backups },
    );
    const tickets = hall.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };
    expect(tickets.n).toBeGreaterThan(0);
    expect(Number(out)).toBe(tickets.n);
  });

  it('checkpoints through its compiled checkpoint worker', () => {
    const out = runCompiled(
      `const { startCheckpointer } = await import(process.env.OUT + '/db/checkpointer.js');
       const checkpointer = startCheckpointer(process.env.DB, { everyMs: 60000 });
       const n = await checkpointer.now();
       await checkpointer.stop();
       process.stdout.write(String(n));`,
      { OUT: outDir, DB: hall.db.name },
    );
    expect(Number(out)).toBe(1);
  });

  it('serves the hall with its core in the compiled core thread', () => {
    const dataDir = join(outDir, 'hall-data');
    const out = runCompiled(
      `const { startHall } = await import(process.env.OUT + '/main/server/hall.js');
       const hall = await startHall({ dataDir: process.env.DATA, port: 0, logLevel: 'silent', secretKey: Buffer.alloc(32, 7).toString('base64') });
       const answer = await fetch(hall.url + '/api/setup/status', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
       const body = await answer.json();
       await hall.close();
       process.stdout.write(JSON.stringify(body));`,
      { OUT: outDir, DATA: dataDir },
    );
    expect(JSON.parse(out)).toMatchObject({ ok: true, value: { needsSetup: true } });
  });
});
