import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { desktopText } from '../shared/desktop-text.ts';

// Electron cannot run here: the `electron` module is the small recording fake in
// test/electron-fake (no network, nothing rendered). The hall is a real HTTP server on
// 127.0.0.1, reached by a probe over Node's fetch instead of Electron's net.fetch.
vi.mock('electron', () => import('../../test/electron-fake/electron.ts'));
const fake = await import('../../test/electron-fake/electron.ts');
const { offlinePage, retryDelayMs, watchHallConnection } = await import('./offline.ts');

type FakeWindow = InstanceType<typeof fake.FakeBrowserWindow>;
const log = pino({ level: 'silent' });
const t = desktopText('zh-CN');
const at = new Date(2026, 2, 2, 9, 30, 5);

const realProbe = async (url: string) => {
  try {
    return (await fetch(url, { method: 'HEAD' })).status < 500;
  } catch {
    return false;
  }
};

let server: Server | undefined;
const listen = (port = 0) =>
  new Promise<number>((resolve) => {
    server = createServer((_req, res) => res.end('hall'));
    server.listen(port, '127.0.0.1', () => resolve((server?.address() as AddressInfo).port));
  });
const stop = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

describe('a client screen whose hall server cannot be reached', () => {
  beforeEach(() => fake.resetElectronFake());
  afterEach(stop);

  it('waits 2, 5, 10, then every 30 seconds between tries', () => {
    expect([0, 1, 2, 3, 4, 20].map((a) => retryDelayMs(a))).toEqual([2_000, 5_000, 10_000, 30_000, 30_000, 30_000]);
  });

  it('the offline page says so in the PC’s language with the hall’s address and the last try’s time', () => {
    const zh = decodeURIComponent(offlinePage(t, 'zh-CN', 'https://192.168.1.10:4720', at));
    expect(zh).toContain('无法连接大厅服务器，正在重试…');
    expect(zh).toContain('大厅服务器：https://192.168.1.10:4720');
    expect(zh).toContain('上次尝试：09:30:05');
    const en = decodeURIComponent(offlinePage(desktopText('en-US'), 'en-US', 'https://192.168.1.10:4720', at));
    expect(en).toContain('Cannot reach the hall server. Retrying…');
    expect(en).toContain('Last try: 09:30:05');
  });

  it('shows the offline page on a failed main-frame load, retries, and returns to the screen when the hall answers', async () => {
    // A port that was free a moment ago: nothing listens there yet.
    const port = await listen();
    await stop();
    const hallUrl = `http://127.0.0.1:${port}`;
    const window = new fake.BrowserWindow({}) as FakeWindow;
    watchHallConnection(window as unknown as Electron.BrowserWindow, {
      hallUrl,
      clock: { now: () => at },
      t,
      lang: 'zh-CN',
      log,
      probe: realProbe,
      delaysMs: [20, 40],
    });
    const loads = () => fake.calls.filter((c) => c[0] === 'window.loadURL').map((c) => String(c[2]));

    // Sub-frames, aborted navigations and pages elsewhere are not the hall being down.
    window.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', `${hallUrl}/kiosk`, false);
    window.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', `${hallUrl}/kiosk`, true);
    window.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', 'https://example.com/', true);
    expect(loads()).toEqual([]);

    window.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', `${hallUrl}/kiosk`, true);
    expect(loads()).toHaveLength(1);
    expect(decodeURIComponent(loads()[0] ?? '')).toContain(`大厅服务器：${hallUrl}`);
    // Tries that find nobody refresh the page (its "last try" time) and keep going.
    await vi.waitFor(() => expect(loads().length).toBeGreaterThanOrEqual(3), { timeout: 2_000, interval: 10 });
    expect(loads().every((url) => url.startsWith('data:text/html'))).toBe(true);

    await listen(port);
    await vi.waitFor(() => expect(loads().at(-1)).toBe(`${hallUrl}/kiosk`), { timeout: 2_000, interval: 10 });
    const count = loads().length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(loads()).toHaveLength(count);
  });

  it('stops retrying when the window closes', async () => {
    const port = await listen();
    await stop();
    const hallUrl = `http://127.0.0.1:${port}`;
    const window = new fake.BrowserWindow({}) as FakeWindow;
    const probe = vi.fn(realProbe);
    watchHallConnection(window as unknown as Electron.BrowserWindow, { hallUrl, clock: { now: () => at }, t, lang: 'zh-CN', log, probe, delaysMs: [20] });
    window.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', `${hallUrl}/display`, true);
    window.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(probe).not.toHaveBeenCalled();
  });
});
