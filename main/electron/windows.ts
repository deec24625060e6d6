import { app, BrowserWindow, type BrowserWindowConstructorOptions, type Display, screen } from 'electron';
import type { Logger } from './logger.ts';
import { windowIcon } from './window-icon.ts';

/**
 * Where the screens come from: the app's own renderer with the bridge (single PC), or a
 * hall server on the LAN over HTTP with no preload at all (client mode).
 */
export type ScreenSource = { url: (route: string) => string; preload: string | undefined };

function createWindow(source: ScreenSource, options: BrowserWindowConstructorOptions): BrowserWindow {
  return new BrowserWindow({
    title: 'OneWindow',
    show: false,
    backgroundColor: '#ffffff',
    ...windowIcon(app.getAppPath(), process.platform),
    ...options,
    webPreferences: {
      ...(source.preload ? { preload: source.preload } : {}),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
}

function load(window: BrowserWindow, source: ScreenSource, route: string, log: Logger): void {
  window.once('ready-to-show', () => window.show());
  window.loadURL(source.url(route)).catch((error: unknown) => log.error({ err: error, route }, 'screen failed to load'));
}

/** The clerk's counter screen, on the primary display. */
export function openCounterWindow(source: ScreenSource, log: Logger): BrowserWindow {
  return openDeskWindow(source, 'counter', log);
}

/** A screen someone works at (counter, manager's desk): an ordinary window on the primary display. */
export function openDeskWindow(source: ScreenSource, route: string, log: Logger): BrowserWindow {
  const window = createWindow(source, { width: 1280, height: 800, minWidth: 960, minHeight: 600 });
  load(window, source, route, log);
  return window;
}

/** The display facing the customer: any display but the primary, when there is one. */
export function customerDisplay(): Display | undefined {
  const displays = screen.getAllDisplays();
  if (displays.length < 2) return undefined;
  const primary = screen.getPrimaryDisplay();
  return displays.find((d) => d.id !== primary.id);
}

/** The customer's rating screen, fullscreen on the customer-facing display. */
export function openCustomerWindow(source: ScreenSource, display: Display, log: Logger): BrowserWindow {
  return openFullscreenWindow(source, display, 'rate', log);
}

/** A screen filling `display` (rating screen, kiosk, calling board). */
export function openFullscreenWindow(source: ScreenSource, display: Pick<Display, 'bounds'>, route: string, log: Logger): BrowserWindow {
  const { x, y, width, height } = display.bounds;
  const window = createWindow(source, { x, y, width, height, fullscreen: true, autoHideMenuBar: true });
  window.removeMenu();
  // Some window managers place a new window on the primary display whatever its bounds say.
  window.once('ready-to-show', () => {
    window.setBounds(display.bounds);
    window.setFullScreen(true);
  });
  load(window, source, route, log);
  return window;
}
