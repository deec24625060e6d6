import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run here: the `electron` module is the small recording fake in
// test/electron-fake (it records login items, switches and power blockers; nothing happens).
vi.mock('electron', () => import('../../test/electron-fake/electron.ts'));
const fake = await import('../../test/electron-fake/electron.ts');
const { allowUnpromptedSpeech, applyLoginItem, keepAwake, peekRole, startsAtLogin } = await import('./unattended-power.ts');

const log = pino({ level: 'silent' });
let dir = '';

describe('unattended PCs: start at login, awake screen, voice without a click', () => {
  beforeEach(() => {
    fake.resetElectronFake();
    dir = mkdtempSync(join(tmpdir(), 'onewindow-power-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts the hall, counters, kiosks and boards at login unless settings say otherwise', () => {
    expect(['hallServer', 'counter', 'kiosk', 'board'].map((r) => startsAtLogin(r as 'kiosk', undefined))).toEqual([true, true, true, true]);
    expect(startsAtLogin('managerDesk', undefined)).toBe(false);
    expect(startsAtLogin('kiosk', false)).toBe(false);
    expect(startsAtLogin('managerDesk', true)).toBe(true);
  });

  it('sets the login item of an installed app on Windows, and leaves a development run alone', () => {
    applyLoginItem(true, log, 'win32');
    expect(fake.calls.filter((c) => c[0] === 'app.setLoginItemSettings')).toEqual([]);
    fake.app.packaged = true;
    applyLoginItem(true, log, 'win32');
    expect(fake.app.getLoginItemSettings()).toMatchObject({ openAtLogin: true });
    applyLoginItem(false, log, 'win32');
    expect(fake.app.getLoginItemSettings()).toMatchObject({ openAtLogin: false });
  });

  it('writes and removes a freedesktop autostart entry on Linux (the AppImage by its own path)', () => {
    fake.app.packaged = true;
    fake.app.setPath('appData', dir);
    applyLoginItem(true, log, 'linux', { APPIMAGE: '/opt/apps/One Window.AppImage' });
    const entry = join(dir, 'autostart', 'onewindow.desktop');
    expect(readFileSync(entry, 'utf8')).toContain('Exec="/opt/apps/One Window.AppImage"');
    applyLoginItem(true, log, 'linux', {});
    expect(readFileSync(entry, 'utf8')).toContain('Exec=/fake/OneWindow\n');
    applyLoginItem(false, log, 'linux', {});
    expect(existsSync(entry)).toBe(false);
  });

  it('lets the board and the kiosk speak without a click, from the role read before the app is ready', () => {
    const file = join(dir, 'settings.json');
    expect(peekRole(file)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ version: 2, role: 'board', hallUrl: 'https://hall.local:4720' }));
    expect(peekRole(file)).toBe('board');
    allowUnpromptedSpeech(peekRole(file));
    expect(fake.app.commandLine.getSwitchValue('autoplay-policy')).toBe('no-user-gesture-required');
    fake.resetElectronFake();
    allowUnpromptedSpeech('counter');
    expect(fake.app.commandLine.hasSwitch('autoplay-policy')).toBe(false);
  });

  it('settings.json keeps the unlock PIN’s hash, the printer and the login choice for every role, and refuses a PIN in clear', async () => {
    const { parseSettings } = await import('./settings.ts');
    const { hashPin } = await import('./admin-pin.ts');
    const adminPinHash = hashPin('482915');
    const kiosk = parseSettings(
      JSON.stringify({ version: 2, role: 'kiosk', hallUrl: 'https://hall.local:4720', adminPinHash, printerName: 'EPSON TM-T82', openAtLogin: false }),
    );
    expect(kiosk).toMatchObject({ ok: true, settings: { adminPinHash, printerName: 'EPSON TM-T82', openAtLogin: false } });
    expect(parseSettings(JSON.stringify({ version: 2, role: 'hallServer', printerName: 'HP LaserJet' }))).toMatchObject({
      ok: true,
      settings: { printerName: 'HP LaserJet' },
    });
    expect(parseSettings(JSON.stringify({ version: 2, role: 'board', hallUrl: 'https://hall.local:4720', adminPinHash: '482915' })).ok).toBe(false);
  });

  it('keeps the board’s display awake while its window is open', () => {
    const window = new fake.BrowserWindow({}) as InstanceType<typeof fake.FakeBrowserWindow>;
    keepAwake(window as unknown as Electron.BrowserWindow, log);
    expect([...fake.activePowerBlockers.values()]).toEqual(['prevent-display-sleep']);
    window.close();
    expect(fake.activePowerBlockers.size).toBe(0);
  });
});
