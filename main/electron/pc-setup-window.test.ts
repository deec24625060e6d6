import pino from 'pino';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run here: the `electron` module is the small recording fake in
// test/electron-fake (it renders nothing; the test checks what the code asked of Electron).
vi.mock('electron', () => import('../../test/electron-fake/electron.ts'));
const fake = await import('../../test/electron-fake/electron.ts');
const { createPcSetup, relaunchArgs, wantsPcSettings } = await import('./pc-setup-window.ts');

const log = pino({ level: 'silent' });
type Fake = InstanceType<typeof fake.FakeBrowserWindow>;

function setup() {
  return createPcSetup({
    settingsFile: '/nowhere/settings.json',
    current: undefined,
    brokenKept: false,
    log,
    now: () => new Date(0),
    discover: async () => [],
    restart: () => undefined,
    preload: '/app/preload/index.cjs',
  });
}

describe('the PC setup window', () => {
  beforeEach(() => fake.resetElectronFake());

  it('opens the app’s own setup page with the preload, once, on top, with the bridge registered', () => {
    const pc = setup();
    const first = pc.open() as unknown as Fake;
    expect(first.webContents.url).toBe('app://hall/pc-setup');
    expect(first.options.webPreferences).toMatchObject({ preload: '/app/preload/index.cjs', sandbox: true, contextIsolation: true });
    expect(first.alwaysOnTop).toBe(true);
    expect(pc.open()).toBe(first as never);
    expect(fake.calls.filter((c) => c[0] === 'window.new')).toHaveLength(1);
    expect([...fake.ipcMain.handlers.keys()]).toEqual(expect.arrayContaining(['onewindow:pcSetup:state', 'onewindow:pcSetup:save']));
    first.destroy();
    expect(pc.open()).not.toBe(first as never);
  });

  it('opens from a role’s window on Ctrl+Alt+Shift+S, and not on other keys', () => {
    const pc = setup();
    const counter = new fake.FakeBrowserWindow();
    pc.watch(counter as never);
    const press = (input: Record<string, unknown>) => {
      const event = {
        defaultPrevented: false,
        preventDefault() {
          this.defaultPrevented = true;
        },
      };
      counter.webContents.emit('before-input-event', event, { type: 'keyDown', control: false, alt: false, shift: false, meta: false, ...input });
      return event.defaultPrevented;
    };
    expect(press({ key: 's', control: true })).toBe(false);
    expect(fake.FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    expect(press({ key: 'S', control: true, alt: true, shift: true })).toBe(true);
    expect(fake.FakeBrowserWindow.getAllWindows().map((w) => w.webContents.url)).toEqual(['', 'app://hall/pc-setup']);
  });

  it('reads --pc-settings, and restarts without the deployment flags', () => {
    expect(wantsPcSettings(['OneWindow.exe', '--pc-settings'])).toBe(true);
    expect(wantsPcSettings(['OneWindow.exe', '--role=kiosk'])).toBe(false);
    expect(relaunchArgs(['OneWindow.exe', '--role=kiosk', '--hall', 'https://h:4720', '--reset-role', '--lang=zh-CN', '--pc-settings', '--counter=3'])).toEqual(
      ['--lang=zh-CN'],
    );
    expect(relaunchArgs(['electron', '.', '--role=board', '--hall=https://h:4720'])).toEqual(['.']);
    expect(relaunchArgs(['OneWindow.exe', '--role=kiosk', '--admin-pin', '482916', '--printer=Ticket', '--start-at-login=yes', '--reset-role'])).toEqual([]);
  });
});
