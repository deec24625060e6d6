import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcChannels, pcSetupChannels } from '../../common/ipc-channels.ts';

// A sandboxed preload may require('electron') and nothing else: a require of a file of ours
// (a chunk the bundler split off, or common/ left unbundled) would leave the window without
// its bridge, and only on the desktop app. This builds the preloads as `npm run build:electron`
// does and reads what came out.
const root = join(import.meta.dirname, '..', '..');
let outDir: string;
const built: Record<string, string> = {};

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  outDir = mkdtempSync(join(root, '.tmp', 'preload-'));
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'build-preload.mjs'), outDir], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  for (const file of readdirSync(outDir)) built[file] = readFileSync(join(outDir, file), 'utf8');
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the bundled preloads', () => {
  it('are one CommonJS file each, the names main/electron loads', () => {
    expect(Object.keys(built).sort()).toEqual(['client-print.cjs', 'index.cjs', 'unlock-prompt.cjs']);
  });

  it("require only 'electron' and hold no ES module syntax", () => {
    for (const [file, text] of Object.entries(built)) {
      const required = [...text.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
      expect(required, file).toEqual(['electron']);
      expect(text, file).not.toMatch(/^\s*(import|export)\s/m);
    }
  });

  it('carry the channel names of common/ipc-channels.ts', () => {
    const index = built['index.cjs'] ?? '';
    for (const name of [
      ipcChannels.invoke,
      ipcChannels.hello,
      ipcChannels.push,
      ipcChannels.savePdf,
      ipcChannels.printSilently,
      ...Object.values(pcSetupChannels),
    ])
      expect(index).toContain(name);
    expect(built['client-print.cjs']).toContain(ipcChannels.printSilently);
    expect(built['unlock-prompt.cjs']).toContain(ipcChannels.unlock);
  });
});
