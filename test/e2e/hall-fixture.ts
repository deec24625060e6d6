import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export type Hall = { url: string; dataDir: string };

const root = join(import.meta.dirname, '..', '..');

/** Starts `npm run hall`'s entry on a fresh data folder and a free port; stops it after the test. */
async function startHall(): Promise<{ hall: Hall; child: ChildProcess; stderr: () => string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-e2e-'));
  const child = spawn(process.execPath, ['main/server/cli.ts', '--data', dataDir, '--port', '0', '--log-level', 'warn'], {
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
  return { hall: { url, dataDir }, child, stderr: () => stderr };
}

export const test = base.extend<{ hall: Hall }>({
  hall: async ({}, use) => {
    const { hall, child, stderr } = await startHall();
    await use(hall);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.once('exit', r));
    // A hung shutdown ends by the server's own watchdog; say so without failing the screen's test.
    if (code !== 0) console.warn(`hall server exited with ${String(code)}: ${stderr().slice(-2000)}`);
    rmSync(hall.dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
