import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test as base } from '@playwright/test';

export type Hall = {
  url: string;
  dataDir: string;
  /** The hall clock's start (--clock-start) and the test process's monotonic time then: the hall's "now" is derived from both. */
  clockStart: string;
  startedAtPerf: number;
};

/** The hall's time now, as the server's clock has it (started at `clockStart`, running since). */
export const hallNow = (hall: Hall): Date => new Date(Date.parse(hall.clockStart) + (performance.now() - hall.startedAtPerf));

/**
 * Every spec runs on a pinned hall day and hour, never on the machine's clock: the hall server
 * starts its clock there (--clock-start) and each browser context gets the same instant
 * (Playwright's clock) in the hall's time zone. A spec sets `hallDay` for its seeded data;
 * the regression projects in playwright.config.ts set `hallClock` (01:30, 23:59:30) and a UTC browser.
 */
export type HallTimeOptions = { hallDay: string; hallClock: string };
export const DEFAULT_HALL_DAY = '2026-11-25';

const root = join(import.meta.dirname, '..', '..');

/** Starts `npm run hall`'s entry on a fresh data folder and a free port; stops it after the test. */
async function startHall(clockStart: string): Promise<{ hall: Hall; child: ChildProcess; stderr: () => string }> {
  // The data folder inside a scratch folder: the secrets' key goes beside the data folder, and both are removed after.
  const dataDir = join(mkdtempSync(join(tmpdir(), 'onewindow-e2e-')), 'data');
  const startedAtPerf = performance.now();
  const child = spawn(process.execPath, ['main/server/cli.ts', '--data', dataDir, '--port', '0', '--log-level', 'warn', '--clock-start', clockStart], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hall server did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hall server exited with ${code}: ${stderr}`));
    });
  });
  return { hall: { url, dataDir, clockStart, startedAtPerf }, child, stderr: () => stderr };
}

export const test = base.extend<HallTimeOptions & { hall: Hall }>({
  hallDay: [DEFAULT_HALL_DAY, { option: true }],
  hallClock: ['10:00:00', { option: true }],
  hall: async ({ hallDay, hallClock }, use) => {
    // The hall's zone is Asia/Shanghai (the default), eight hours ahead of UTC all year.
    const { hall, child, stderr } = await startHall(`${hallDay}T${hallClock}+08:00`);
    await use(hall);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.once('exit', r));
    // A hung shutdown ends by the server's own watchdog; say so without failing the screen's test.
    if (code !== 0) console.warn(`hall server exited with ${String(code)}: ${stderr().slice(-2000)}`);
    rmSync(dirname(hall.dataDir), { recursive: true, force: true });
  },
  // The browser's own clock agrees with the hall's (the screens take the hall's time from the
  // server anyway; this keeps what the page's scripts see consistent).
  context: async ({ context, hall }, use) => {
    await context.clock.install({ time: hallNow(hall) });
    await use(context);
  },
});

export { expect } from '@playwright/test';
