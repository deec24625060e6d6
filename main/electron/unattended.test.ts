import pino from 'pino';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../common/ipc-channels.ts';
import { desktopText } from '../shared/desktop-text.ts';

// Electron cannot run here: the `electron` module is the small recording fake in
// test/electron-fake; the test opens a role's windows as main.ts does and checks what the
// unattended-PC wiring asked of Electron.
vi.mock('electron', () => import('../../test/electron-fake/electron.ts'));
const fake = await import('../../test/electron-fake/electron.ts');
const { openRoleWindows } = await import('./role-windows.ts');
const { superviseScreens } = await import('./unattended.ts');
const { hashPin } = await import('./admin-pin.ts');

type FakeWindow = InstanceType<typeof fake.FakeBrowserWindow>;
const log = pino({ level: 'silent' });
const hallUrl = 'https://192.168.1.10:4720';
const source = { url: (route: string) => `${hallUrl}/${route}`, preload: '/app/out/preload/client-print.cjs' };
const deps = {
  log,
  t: desktopText('zh-CN'),
  lang: 'zh-CN',
  clock: { now: () => new Date(2026, 2, 2, 9) },
  preloadDir: '/app/out/preload',
  platform: 'win32' as const,
};
const combination = { type: 'keyDown', key: 'Q', control: true, alt: true, shift: true, meta: false };

describe('the unattended-PC wiring of each role', () => {
  beforeEach(() => {
    fake.resetElectronFake();
    fake.app.packaged = true;
  });

  it('a kiosk: locked down, starts at login, restarts after a crash, shows the offline page, asks for the PIN on the combination', () => {
    const settings = { version: 2 as const, role: 'kiosk' as const, hallUrl, adminPinHash: hashPin('482915') };
    const opened = openRoleWindows(settings, source, log);
    superviseScreens(opened, settings, deps);
    const kiosk = opened.main as unknown as FakeWindow;
    expect(kiosk.kiosk).toBe(true);
    expect(fake.app.getLoginItemSettings()).toMatchObject({ openAtLogin: true });
    expect(kiosk.webContents.listenerCount('render-process-gone')).toBe(1);
    expect(kiosk.webContents.listenerCount('did-fail-load')).toBe(1);
    expect(fake.ipcMain.handlers.has(ipcChannels.printSilently)).toBe(true);
    expect(fake.activePowerBlockers.size).toBe(0);
    kiosk.webContents.emit('before-input-event', { preventDefault: () => {} }, combination);
    const prompt = fake.BrowserWindow.getAllWindows().find((w) => w !== kiosk);
    expect(prompt?.options).toMatchObject({ modal: true, webPreferences: { preload: '/app/out/preload/unlock-prompt.cjs' } });
  });

  it('a board: locked down with its display kept awake; a manager’s desk: neither, and it does not start at login', () => {
    const board = { version: 2 as const, role: 'board' as const, hallUrl };
    superviseScreens(openRoleWindows(board, source, log), board, deps);
    expect([...fake.activePowerBlockers.values()]).toEqual(['prevent-display-sleep']);
    expect(fake.BrowserWindow.getAllWindows()[0]?.kiosk).toBe(true);

    fake.resetElectronFake();
    fake.app.packaged = true;
    fake.app.loginItem = { openAtLogin: true };
    const desk = { version: 2 as const, role: 'managerDesk' as const, hallUrl };
    const opened = openRoleWindows(desk, source, log);
    superviseScreens(opened, desk, deps);
    expect((opened.main as unknown as FakeWindow).kiosk).toBe(false);
    expect(fake.activePowerBlockers.size).toBe(0);
    expect(fake.app.getLoginItemSettings()).toMatchObject({ openAtLogin: false });
  });

  it('the hall server PC’s own screens get crash restart but no offline page (they are served by this PC)', () => {
    const settings = { version: 2 as const, role: 'hallServer' as const, host: '127.0.0.1', port: 4720 };
    const opened = openRoleWindows(settings, { url: (route) => `app://hall/${route}`, preload: '/app/out/preload/index.cjs' }, log);
    superviseScreens(opened, settings, deps);
    const counter = opened.main as unknown as FakeWindow;
    expect(counter.webContents.listenerCount('render-process-gone')).toBe(1);
    expect(counter.webContents.listenerCount('did-fail-load')).toBe(0);
    expect(counter.kiosk).toBe(false);
  });
});
