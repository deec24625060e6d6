import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { beginInstall, decideAtStart, emptyUpdateState, keepInstaller, markHealthy, readUpdateState, rollbackRun, writeUpdateState } from './update-ledger.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** Runs one start of `version` through the book on disk, as the app does at each start. */
function start(file: string, version: string) {
  const { state, decision } = decideAtStart(readUpdateState(file), version);
  writeUpdateState(file, state);
  return decision;
}

describe('the update book', () => {
  it('keeps the running version’s installer and the newest one, and lets older ones go', () => {
    let state = keepInstaller(emptyUpdateState(), { version: '1.0.0', file: '/i/1.0.0.exe' }, '1.0.0').state;
    state = keepInstaller(state, { version: '1.1.0', file: '/i/1.1.0.exe' }, '1.0.0').state;
    const third = keepInstaller(state, { version: '1.2.0', file: '/i/1.2.0.exe' }, '1.1.0');
    expect(third.state.kept.map((k) => k.version)).toEqual(['1.1.0', '1.2.0']);
    expect(third.drop).toEqual(['/i/1.0.0.exe']);
  });

  it('finishes an update whose new version reports healthy', () => {
    dir = mkdtempSync(join(tmpdir(), 'ow-updates-'));
    const file = join(dir, 'update-state.json');
    writeUpdateState(file, beginInstall(emptyUpdateState(), { version: '1.1.0', previous: '1.0.0', at: '2026-11-25T14:00:00Z' }));
    expect(start(file, '1.1.0')).toEqual({ action: 'trial', version: '1.1.0', start: 1 });
    writeUpdateState(file, markHealthy(readUpdateState(file), '1.1.0'));
    expect(start(file, '1.1.0')).toEqual({ action: 'normal' });
  });

  it('rolls back a version that fails to start twice: marks it bad, runs the previous installer, and knows when it is back', () => {
    dir = mkdtempSync(join(tmpdir(), 'ow-updates-'));
    const file = join(dir, 'update-state.json');
    let state = keepInstaller(emptyUpdateState(), { version: '1.0.0', file: '/i/1.0.0.exe' }, '1.0.0').state;
    state = keepInstaller(state, { version: '1.1.0', file: '/i/1.1.0.exe' }, '1.0.0').state;
    writeUpdateState(file, beginInstall(state, { version: '1.1.0', previous: '1.0.0', at: '2026-11-25T14:00:00Z' }));
    expect(start(file, '1.1.0')).toMatchObject({ action: 'trial', start: 1 });
    // Crashed before healthy; the next start is the second try.
    expect(start(file, '1.1.0')).toMatchObject({ action: 'trial', start: 2 });
    expect(start(file, '1.1.0')).toEqual({ action: 'rollback', bad: '1.1.0', previous: '1.0.0', installer: '/i/1.0.0.exe' });
    expect(readUpdateState(file).bad).toEqual(['1.1.0']);
    expect(start(file, '1.0.0')).toEqual({ action: 'rolled_back', bad: '1.1.0', running: '1.0.0' });
    expect(readUpdateState(file)).toMatchObject({ installing: null, bad: ['1.1.0'] });
  });

  it('says when an installer did not replace the app, and starts from nothing on an unreadable book', () => {
    dir = mkdtempSync(join(tmpdir(), 'ow-updates-'));
    const file = join(dir, 'update-state.json');
    writeUpdateState(file, beginInstall(emptyUpdateState(), { version: '1.1.0', previous: '1.0.0', at: '2026-11-25T14:00:00Z' }));
    expect(start(file, '1.0.0')).toEqual({ action: 'install_missed', version: '1.1.0', running: '1.0.0' });
    writeFileSync(file, '{ not json');
    expect(readUpdateState(file)).toEqual(emptyUpdateState());
  });

  it('runs the previous installer silently on Windows, copies an AppImage back, and installs a .deb with pkexec', () => {
    expect(rollbackRun('win32', 'C:\\u\\1.0.0.exe', {})).toEqual({ kind: 'spawn', command: 'C:\\u\\1.0.0.exe', args: ['/S', '--force-run'] });
    expect(rollbackRun('linux', '/u/1.0.0.AppImage', { APPIMAGE: '/opt/OneWindow.AppImage' })).toEqual({
      kind: 'replace',
      source: '/u/1.0.0.AppImage',
      target: '/opt/OneWindow.AppImage',
    });
    expect(rollbackRun('linux', '/u/1.0.0.deb', {})).toEqual({ kind: 'spawn', command: 'pkexec', args: ['dpkg', '-i', '/u/1.0.0.deb'] });
  });
});
