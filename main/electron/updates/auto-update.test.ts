import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startAutoUpdate, type Updater } from './auto-update.ts';
import { beginInstall, emptyUpdateState, keepInstaller, readUpdateState, type RollbackRun, writeUpdateState } from './update-ledger.ts';

// electron-updater needs Electron, which cannot run here: this is a recording stand-in for its
// autoUpdater (it downloads and installs nothing; the test fires the events electron-updater would).
class RecordingUpdater extends EventEmitter implements Updater {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  requestHeaders: import('node:http').OutgoingHttpHeaders | null = null;
  calls: unknown[][] = [];
  setFeedURL(options: unknown) {
    this.calls.push(['setFeedURL', options]);
  }
  async checkForUpdates() {
    this.calls.push(['checkForUpdates']);
    return null;
  }
  async downloadUpdate() {
    this.calls.push(['downloadUpdate']);
    return [];
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.calls.push(['quitAndInstall', isSilent, isForceRunAfter]);
  }
}

const hours = { timeZone: 'Asia/Shanghai', opensAt: '08:30', closesAt: '17:30' };
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function setUp(options: { now: string; idleSeconds?: number; version?: string; healthy?: Promise<unknown> }) {
  dir ??= mkdtempSync(join(tmpdir(), 'ow-autoupdate-'));
  const updater = new RecordingUpdater();
  const rollbacks: RollbackRun[] = [];
  let relaunched = 0;
  const handle = startAutoUpdate({
    updater,
    hallUrl: 'https://hall.local:4720/',
    version: options.version ?? '1.0.0',
    userData: dir,
    now: () => new Date(options.now),
    hours: async () => hours,
    idleSeconds: () => options.idleSeconds ?? 3600,
    healthy: options.healthy ?? new Promise(() => undefined),
    runRollback: (run) => void rollbacks.push(run),
    relaunch: () => void relaunched++,
    platform: 'win32',
    env: {},
    log: pino({ level: 'silent' }),
    setInterval: () => ({}),
  });
  return { updater, handle, rollbacks, relaunched: () => relaunched, dir };
}

describe('the desktop app’s updates from the hall', () => {
  it('reads the hall’s /updates/ feed with its version header, downloads only on its own, and never a bad version', async () => {
    const { updater, dir } = setUp({ now: '2026-11-25T10:00:00+08:00' });
    await Promise.resolve();
    expect(updater.calls[0]).toEqual(['setFeedURL', { provider: 'generic', url: 'https://hall.local:4720/updates/', useMultipleRangeRequest: false }]);
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.requestHeaders).toEqual({ 'X-OneWindow-Client': 'desktop/1.0.0' });
    expect(updater.calls).toContainEqual(['checkForUpdates']);
    updater.emit('update-available', { version: '1.1.0' });
    expect(updater.calls).toContainEqual(['downloadUpdate']);
    writeUpdateState(join(dir, 'update-state.json'), { ...emptyUpdateState(), bad: ['1.2.0'] });
    updater.calls.length = 0;
    updater.emit('update-available', { version: '1.2.0' });
    expect(updater.calls).toEqual([]);
  });

  it('keeps the downloaded installer, waits while the hall is open, and installs at night on an idle PC', async () => {
    const day = setUp({ now: '2026-11-25T10:00:00+08:00' });
    const download = join(day.dir, 'pending-OneWindow-Setup-1.1.0.exe');
    writeFileSync(download, 'MZ new');
    day.updater.emit('update-downloaded', { version: '1.1.0', downloadedFile: download });
    const kept = join(day.dir, 'installers', 'pending-OneWindow-Setup-1.1.0.exe');
    expect(readFileSync(kept, 'utf8')).toBe('MZ new');
    await day.handle.tick();
    expect(day.updater.calls.filter((c) => c[0] === 'quitAndInstall')).toEqual([]);

    const night = setUp({ now: '2026-11-25T22:00:00+08:00' });
    night.updater.emit('update-downloaded', { version: '1.1.0', downloadedFile: download });
    await night.handle.tick();
    expect(night.updater.calls).toContainEqual(['quitAndInstall', true, true]);
    expect(readUpdateState(join(night.dir, 'update-state.json')).installing).toMatchObject({ version: '1.1.0', previous: '1.0.0' });
  });

  it('marks a start healthy, and rolls back with the kept installer after two failed starts', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ow-autoupdate-'));
    const file = join(dir, 'update-state.json');
    const previous = join(dir, 'installers', 'OneWindow-Setup-1.0.0.exe');
    writeUpdateState(
      file,
      beginInstall(keepInstaller(emptyUpdateState(), { version: '1.0.0', file: previous }, '1.0.0').state, {
        version: '1.1.0',
        previous: '1.0.0',
        at: '2026-11-25T14:00:00Z',
      }),
    );
    // Two starts of 1.1.0 that never become healthy (crashed).
    setUp({ now: '2026-11-25T22:00:00+08:00', version: '1.1.0' });
    setUp({ now: '2026-11-25T22:01:00+08:00', version: '1.1.0' });
    const third = setUp({ now: '2026-11-25T22:02:00+08:00', version: '1.1.0' });
    expect(third.rollbacks).toEqual([{ kind: 'spawn', command: previous, args: ['/S', '--force-run'] }]);
    expect(readUpdateState(file).bad).toEqual(['1.1.0']);

    // After a good start the book is clear.
    writeUpdateState(file, beginInstall(emptyUpdateState(), { version: '1.2.0', previous: '1.0.0', at: '2026-11-26T14:00:00Z' }));
    setUp({ now: '2026-11-26T22:00:00+08:00', version: '1.2.0', healthy: Promise.resolve() });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(readUpdateState(file).installing).toBeNull();
    expect(existsSync(file)).toBe(true);
  });
});
