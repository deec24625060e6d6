import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A smoke test of the desktop app itself. It needs the Electron binary, which is found
// the way node_modules/electron finds it, but without require('electron'): that would
// start a download when the binary is missing.
const root = join(import.meta.dirname, '..', '..');

function electronBinary(): string | undefined {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const executable = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : undefined;
}

const binary = electronBinary();
const hasBinary = binary !== undefined;

function build() {
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html')))
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root });
  execFileSync(process.execPath, [join(root, 'node_modules/@typescript/native/bin/tsc'), '-p', 'tsconfig.electron.json'], { cwd: root });
  execFileSync(process.execPath, [join(root, 'scripts/build-preload.mjs')], { cwd: root });
}

describe('the Electron app', () => {
  it.skipIf(!hasBinary)(`launches the Electron app${hasBinary ? '' : ' (skipped: Electron binary not installed)'}`, { timeout: 120_000 }, async () => {
    build();
    const { _electron } = await import('playwright');
    const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-electron-'));
    const app = await _electron.launch({
      executablePath: binary,
      args: ['.'],
      cwd: root,
      env: { ...process.env, ONEWINDOW_DATA: dataDir, ONEWINDOW_PORT: '0', ONEWINDOW_LOG_LEVEL: 'warn' },
    });
    try {
      const counter = await app.firstWindow();
      await counter.waitForLoadState('domcontentloaded');
      expect(counter.url()).toBe('app://hall/counter');
      expect(await counter.title()).toBe('OneWindow');
      // The bridge is exactly the three functions of OneWindowBridge, and reaches the hall.
      expect(await counter.evaluate(() => Object.keys((window as unknown as { onewindow: object }).onewindow).sort())).toEqual(['hello', 'invoke', 'onPush']);
      const status = await counter.evaluate(() =>
        (window as unknown as { onewindow: { invoke: (n: string, i: unknown, t: undefined) => Promise<unknown> } }).onewindow.invoke(
          'setup/status',
          {},
          undefined,
        ),
      );
      expect(status).toMatchObject({ ok: true, value: { needsSetup: true } });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
