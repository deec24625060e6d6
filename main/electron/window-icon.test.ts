import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run here: the `electron` module is the small recording fake in
// test/electron-fake (it renders nothing; the test checks the options the code gave a window).
vi.mock('electron', () => import('../../test/electron-fake/electron.ts'));
const fake = await import('../../test/electron-fake/electron.ts');
const { windowIcon } = await import('./window-icon.ts');
const { openCounterWindow } = await import('./windows.ts');

const root = join(import.meta.dirname, '..', '..');

describe('the window icon', () => {
  beforeEach(() => fake.resetElectronFake());

  it('is the packaged resources/icon.png on Linux and left to the .exe on Windows', () => {
    expect(windowIcon('/opt/OneWindow/resources/app.asar', 'linux')).toEqual({ icon: '/opt/OneWindow/resources/app.asar/resources/icon.png' });
    expect(windowIcon('C:\\Program Files\\OneWindow\\resources\\app.asar', 'win32')).toEqual({});
    // The path is one the app has: the file exists in the repository and is packaged.
    expect(existsSync(windowIcon(root, 'linux').icon ?? '')).toBe(true);
    const files = (parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] }).files;
    expect(files).toContain('resources/icon.png');
  });

  it.runIf(process.platform === 'linux')('is given to the screens’ windows', () => {
    const counter = openCounterWindow({ url: (route) => `app://hall/${route}`, preload: undefined }, pino({ level: 'silent' }));
    expect((counter as unknown as InstanceType<typeof fake.FakeBrowserWindow>).options.icon).toBe('/fake/app/resources/icon.png');
  });
});
