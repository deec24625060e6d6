import pino from 'pino';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from './settings.ts';

// Electron cannot run here: the `electron` module is the small recording fake in
// test/electron-fake (it renders nothing; the test checks what the code asked of Electron).
vi.mock('electron', () => import('../../test/electron-fake/electron.ts'));
const fake = await import('../../test/electron-fake/electron.ts');
const { openRoleWindows } = await import('./role-windows.ts');

const log = pino({ level: 'silent' });
const hall = 'https://192.168.1.10:4720';
const embedded = { url: (route: string) => `app://hall/${route}`, preload: '/app/preload.cjs' };
const remote = { url: (route: string) => `${hall}/${route}`, preload: undefined };
const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const second = { id: 7, bounds: { x: 1920, y: 0, width: 1280, height: 800 } };
const third = { id: 9, bounds: { x: 3200, y: 0, width: 1024, height: 768 } };

type Fake = InstanceType<typeof fake.FakeBrowserWindow>;
const opened = () =>
  fake.FakeBrowserWindow.getAllWindows().map((w) => ({
    url: w.webContents.url,
    fullscreen: w.fullScreen,
    bounds: w.bounds,
    preload: (w.options.webPreferences as { preload?: string }).preload,
  }));

describe('each role’s windows, displays and URLs', () => {
  beforeEach(() => fake.resetElectronFake());

  it('hall server: the counter with the bridge, and the rating screen on the display that is not the primary', () => {
    fake.setDisplays([primary, second]);
    const windows = openRoleWindows({ version: 2, role: 'hallServer', host: '0.0.0.0', port: 4720 }, embedded, log);
    expect(opened()).toEqual([
      { url: 'app://hall/counter', fullscreen: false, bounds: expect.any(Object), preload: '/app/preload.cjs' },
      { url: 'app://hall/rate', fullscreen: true, bounds: second.bounds, preload: '/app/preload.cjs' },
    ]);
    expect(windows.unattended).toEqual([]);
    expect((windows.main as unknown as Fake).webContents.url).toBe('app://hall/counter');
  });

  it('counter: the hall’s counter page, the rating screen on the chosen display, none when told none, none with one display', () => {
    fake.setDisplays([primary, second, third]);
    const counter: Settings = { version: 2, role: 'counter', hallUrl: hall, counter: 3, customerDisplay: 9 };
    openRoleWindows(counter, remote, log);
    expect(opened()).toEqual([
      { url: `${hall}/counter?window=3`, fullscreen: false, bounds: expect.any(Object), preload: undefined },
      { url: `${hall}/rate`, fullscreen: true, bounds: third.bounds, preload: undefined },
    ]);

    fake.resetElectronFake();
    fake.setDisplays([primary, second]);
    openRoleWindows({ ...counter, customerDisplay: null }, remote, log);
    expect(opened().map((w) => w.url)).toEqual([`${hall}/counter?window=3`]);

    fake.resetElectronFake();
    openRoleWindows(counter, remote, log);
    expect(opened().map((w) => w.url)).toEqual([`${hall}/counter?window=3`]);
  });

  it('counter: a chosen display that is not connected today falls back to the other display', () => {
    fake.setDisplays([primary, second]);
    openRoleWindows({ version: 2, role: 'counter', hallUrl: hall, customerDisplay: 42 }, remote, log);
    expect(opened()[1]).toMatchObject({ url: `${hall}/rate`, bounds: second.bounds });
  });

  it('kiosk: the ticket kiosk fullscreen on the primary display, to be locked down', () => {
    fake.setDisplays([second, primary], 1);
    const windows = openRoleWindows({ version: 2, role: 'kiosk', hallUrl: hall }, remote, log);
    expect(opened()).toEqual([{ url: `${hall}/kiosk`, fullscreen: true, bounds: primary.bounds, preload: undefined }]);
    expect(windows.unattended).toEqual(windows.all);
  });

  it('board: the calling board fullscreen on the chosen display (the primary if none is chosen), to be locked down', () => {
    fake.setDisplays([primary, second]);
    const windows = openRoleWindows({ version: 2, role: 'board', hallUrl: hall, display: 7 }, remote, log);
    expect(opened()).toEqual([{ url: `${hall}/display`, fullscreen: true, bounds: second.bounds, preload: undefined }]);
    expect(windows.unattended).toHaveLength(1);

    fake.resetElectronFake();
    fake.setDisplays([primary, second]);
    openRoleWindows({ version: 2, role: 'board', hallUrl: hall }, remote, log);
    expect(opened()).toEqual([{ url: `${hall}/display`, fullscreen: true, bounds: primary.bounds, preload: undefined }]);
  });

  it('manager desk: the manager’s desk in an ordinary window, whatever the displays', () => {
    fake.setDisplays([primary, second]);
    const windows = openRoleWindows({ version: 2, role: 'managerDesk', hallUrl: hall }, remote, log);
    expect(opened()).toEqual([{ url: `${hall}/manage`, fullscreen: false, bounds: expect.any(Object), preload: undefined }]);
    expect(windows.unattended).toEqual([]);
  });
});
