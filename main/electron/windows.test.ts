import pino from 'pino';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run here: the `electron` module is the small recording fake in
// test/electron-fake (it renders nothing; the test checks what the code asked of Electron).
vi.mock('electron', () => import('../../test/electron-fake/electron.ts'));
const fake = await import('../../test/electron-fake/electron.ts');
const { customerDisplay, openCounterWindow, openCustomerWindow } = await import('./windows.ts');

const log = pino({ level: 'silent' });
const source = { url: (route: string) => `app://hall/${route}`, preload: '/app/preload.cjs' };

describe('the counter PC’s windows', () => {
  beforeEach(() => fake.resetElectronFake());

  it('has no customer screen with one display, and uses the other display when there are two', () => {
    expect(customerDisplay()).toBeUndefined();
    fake.setDisplays([
      { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
      { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 800 } },
    ]);
    expect(customerDisplay()?.id).toBe(2);
  });

  it('opens the counter sandboxed with the preload, and the rating screen fullscreen on the customer display', async () => {
    const counter = openCounterWindow(source, log);
    const prefs = (counter as unknown as InstanceType<typeof fake.FakeBrowserWindow>).options.webPreferences;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/preload.cjs' });
    const display = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 800 } };
    const customer = openCustomerWindow(source, display as Electron.Display, log) as unknown as InstanceType<typeof fake.FakeBrowserWindow>;
    customer.emit('ready-to-show');
    expect(customer.bounds).toEqual(display.bounds);
    expect(customer.fullScreen).toBe(true);
    expect(customer.menuRemoved).toBe(true);
    expect(fake.calls.filter((c) => c[0] === 'window.loadURL').map((c) => c[2])).toEqual(['app://hall/counter', 'app://hall/rate']);
  });
});
