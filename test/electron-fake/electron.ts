/**
 * A small, honest fake of the `electron` module for the main process's tests. No Electron
 * binary can run on the machines these tests run on, so `vi.mock('electron', () =>
 * import('./electron.ts'))` swaps this in. It records what the code
 * asked of Electron (windows made and their options, URLs loaded, switches, login items,
 * power blockers, prints, verify procs) and lets a test fire the events Electron would
 * (`emit`). It renders nothing and decides nothing: a test asserts on the calls.
 *
 * Keep it small: add a member when code under test needs it, recording calls, never
 * pretending to do more. `resetElectronFake()` in a beforeEach starts each test clean.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: any[]) => unknown;

/** Calls recorded in order, for assertions: ['app.quit'], ['window.loadURL', 3, 'app://hall/counter'], … */
export const calls: unknown[][] = [];
const record = (...call: unknown[]) => void calls.push(call);

class Emitter {
  private readonly emitter = new EventEmitter();
  on(event: string, listener: Listener) {
    this.emitter.on(event, listener);
    return this;
  }
  once(event: string, listener: Listener) {
    this.emitter.once(event, listener);
    return this;
  }
  off(event: string, listener: Listener) {
    this.emitter.off(event, listener);
    return this;
  }
  removeListener(event: string, listener: Listener) {
    return this.off(event, listener);
  }
  /** What Electron would do: call the listeners with these arguments. */
  emit(event: string, ...args: unknown[]): boolean {
    return this.emitter.emit(event, ...args);
  }
  listenerCount(event: string): number {
    return this.emitter.listenerCount(event);
  }
}

// ---------------------------------------------------------------- displays

export type FakeDisplay = {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  workArea?: { x: number; y: number; width: number; height: number };
};
const displayState: { all: FakeDisplay[]; primaryId: number } = { all: [], primaryId: 1 };
const defaultDisplays = (): FakeDisplay[] => [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];

/** The displays the next calls to `screen` see; the first is primary unless `primaryId` says otherwise. */
export function setDisplays(all: FakeDisplay[], primaryId = all[0]?.id ?? 1): void {
  displayState.all = all;
  displayState.primaryId = primaryId;
}

class FakeScreen extends Emitter {
  getAllDisplays() {
    return displayState.all;
  }
  getPrimaryDisplay() {
    return displayState.all.find((d) => d.id === displayState.primaryId) ?? displayState.all[0];
  }
}
export const screen = new FakeScreen();

// ---------------------------------------------------------------- web contents and windows

let nextId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  url = '';
  destroyed = false;
  windowOpenHandler: Listener | undefined;
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]) {
    record('webContents.send', this.id, channel, ...args);
  }
  reload() {
    record('webContents.reload', this.id);
  }
  forcefullyCrashRenderer() {
    record('webContents.forcefullyCrashRenderer', this.id);
  }
  print(options: unknown, callback?: (success: boolean, failureReason: string) => void) {
    record('webContents.print', this.id, options);
    callback?.(true, '');
  }
  async printToPDF(options: unknown) {
    record('webContents.printToPDF', this.id, options);
    return Buffer.from('%PDF-fake');
  }
  async getPrintersAsync() {
    return printers;
  }
  setAudioMuted(muted: boolean) {
    record('webContents.setAudioMuted', this.id, muted);
  }
  closeDevTools() {
    record('webContents.closeDevTools', this.id);
  }
  session = {};
}

export type FakePrinter = { name: string; displayName: string; isDefault: boolean };
let printers: FakePrinter[] = [];
export const setPrinters = (list: FakePrinter[]) => void (printers = list);

const windows: FakeBrowserWindow[] = [];

export class FakeBrowserWindow extends Emitter {
  readonly id: number;
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  bounds: { x: number; y: number; width: number; height: number };
  fullScreen: boolean;
  kiosk: boolean;
  menuRemoved = false;
  visible = false;
  destroyed = false;
  alwaysOnTop = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.id = this.webContents.id;
    this.options = options;
    this.bounds = { x: Number(options.x ?? 0), y: Number(options.y ?? 0), width: Number(options.width ?? 800), height: Number(options.height ?? 600) };
    this.fullScreen = options.fullscreen === true;
    this.kiosk = options.kiosk === true;
    windows.push(this);
    record('window.new', this.id, options);
  }
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed);
  }
  static fromWebContents(contents: FakeWebContents) {
    return windows.find((w) => w.webContents === contents) ?? null;
  }
  async loadURL(url: string) {
    this.webContents.url = url;
    record('window.loadURL', this.id, url);
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isVisible() {
    return this.visible;
  }
  setBounds(bounds: { x: number; y: number; width: number; height: number }) {
    this.bounds = bounds;
  }
  getBounds() {
    return this.bounds;
  }
  setFullScreen(on: boolean) {
    this.fullScreen = on;
  }
  isFullScreen() {
    return this.fullScreen;
  }
  setKiosk(on: boolean) {
    this.kiosk = on;
  }
  isKiosk() {
    return this.kiosk;
  }
  setAlwaysOnTop(on: boolean) {
    this.alwaysOnTop = on;
  }
  closable = true;
  minimizable = true;
  setClosable(on: boolean) {
    this.closable = on;
  }
  setMinimizable(on: boolean) {
    this.minimizable = on;
  }
  removeMenu() {
    this.menuRemoved = true;
  }
  setMenu(menu: unknown) {
    this.menuRemoved = menu === null;
  }
  setMenuBarVisibility(visible: boolean) {
    if (!visible) this.menuRemoved = true;
  }
  /** As Electron: 'close' first, and a listener's preventDefault keeps the window open. */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => void (prevented = true) });
    if (!prevented) this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    record('window.destroy', this.id);
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
}
/** Electron's name for the fake window. @alias */
export const BrowserWindow = FakeBrowserWindow;

export const webContents = {
  fromId: (id: number) => windows.find((w) => w.webContents.id === id)?.webContents,
  getAllWebContents: () => windows.map((w) => w.webContents),
};

// ---------------------------------------------------------------- app

class FakeApp extends Emitter {
  paths: Record<string, string> = { userData: '/fake/userData', logs: '/fake/logs', temp: '/fake/temp', exe: '/fake/OneWindow' };
  version = '0.1.0';
  locale = 'zh-CN';
  packaged = false;
  loginItem: Record<string, unknown> = { openAtLogin: false };
  readonly commandLine = {
    switches: new Map<string, string | undefined>(),
    appendSwitch: (name: string, value?: string) => {
      this.commandLine.switches.set(name, value);
      record('app.commandLine.appendSwitch', name, value);
    },
    hasSwitch: (name: string) => this.commandLine.switches.has(name),
    getSwitchValue: (name: string) => this.commandLine.switches.get(name) ?? '',
  };
  get isPackaged() {
    return this.packaged;
  }
  getPath(name: string) {
    return this.paths[name] ?? `/fake/${name}`;
  }
  setPath(name: string, value: string) {
    this.paths[name] = value;
  }
  getVersion() {
    return this.version;
  }
  getLocale() {
    return this.locale;
  }
  getAppPath() {
    return '/fake/app';
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return Promise.resolve();
  }
  isReady() {
    return true;
  }
  setLoginItemSettings(settings: Record<string, unknown>) {
    this.loginItem = { ...this.loginItem, ...settings };
    record('app.setLoginItemSettings', settings);
  }
  getLoginItemSettings() {
    return this.loginItem;
  }
  quit() {
    record('app.quit');
  }
  exit(code = 0) {
    record('app.exit', code);
  }
  relaunch(options?: unknown) {
    record('app.relaunch', options);
  }
}
export const app = new FakeApp();

// ---------------------------------------------------------------- the rest, each as small as its users need

let blockerId = 0;
export const activePowerBlockers = new Map<number, string>();
export const powerSaveBlocker = {
  start(type: string) {
    const id = ++blockerId;
    activePowerBlockers.set(id, type);
    record('powerSaveBlocker.start', type);
    return id;
  },
  stop(id: number) {
    activePowerBlockers.delete(id);
    record('powerSaveBlocker.stop', id);
  },
  isStarted: (id: number) => activePowerBlockers.has(id),
};

export const registeredShortcuts = new Map<string, Listener>();
export const globalShortcut = {
  register(accelerator: string, callback: Listener) {
    registeredShortcuts.set(accelerator, callback);
    record('globalShortcut.register', accelerator);
    return true;
  },
  unregister(accelerator: string) {
    registeredShortcuts.delete(accelerator);
  },
  unregisterAll() {
    registeredShortcuts.clear();
  },
  isRegistered: (accelerator: string) => registeredShortcuts.has(accelerator),
};

export const Menu = {
  setApplicationMenu(menu: unknown) {
    record('Menu.setApplicationMenu', menu);
  },
  buildFromTemplate: (template: unknown) => ({ template }),
};

class FakeIpcMain extends Emitter {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, handler: Listener) {
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}
export const ipcMain = new FakeIpcMain();

class FakeSession extends Emitter {
  verifyProc: Listener | undefined;
  permissionRequestHandler: Listener | undefined;
  permissionCheckHandler: Listener | undefined;
  setCertificateVerifyProc(proc: Listener) {
    this.verifyProc = proc;
  }
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler;
  }
  /** The listener and URL filter given to webRequest.onBeforeSendHeaders; a test calls it as Chromium would. */
  beforeSendHeaders: { filter: unknown; listener: Listener } | undefined;
  readonly webRequest = {
    onBeforeSendHeaders: (filter: unknown, listener: Listener) => {
      this.beforeSendHeaders = { filter, listener };
      record('session.webRequest.onBeforeSendHeaders', filter);
    },
  };
}
export const session = { defaultSession: new FakeSession() };

export const dialog = {
  showErrorBox(title: string, content: string) {
    record('dialog.showErrorBox', title, content);
  },
  async showMessageBox(options: unknown) {
    record('dialog.showMessageBox', options);
    return { response: 0, checkboxChecked: false };
  },
  async showSaveDialog(options: unknown) {
    record('dialog.showSaveDialog', options);
    return { canceled: true, filePath: undefined };
  },
};

export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: (plain: string) => Buffer.from(plain, 'utf8'),
  decryptString: (cipher: Buffer) => cipher.toString('utf8'),
  getSelectedStorageBackend: () => 'basic_text',
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown) {
    record('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle(scheme: string) {
    record('protocol.handle', scheme);
  },
};

export const shell = {
  async openPath(path: string) {
    record('shell.openPath', path);
    return '';
  },
  showItemInFolder(path: string) {
    record('shell.showItemInFolder', path);
  },
};

export const utilityProcess = {
  fork(modulePath: string) {
    record('utilityProcess.fork', modulePath);
    const child = new Emitter() as Emitter & { postMessage: (m: unknown) => void; kill: () => boolean; pid: number };
    child.postMessage = (message: unknown) => record('utilityProcess.postMessage', message);
    child.kill = () => true;
    child.pid = 4242;
    return child;
  },
};

/** Records the request and fails: the fake has no network (tests pass code a probe of their own over a real socket). */
export const net = {
  async fetch(url: string, init?: unknown): Promise<Response> {
    record('net.fetch', url, init);
    throw new Error('the electron fake has no network');
  },
};

/** Starts a test from nothing: no windows, no calls, one 1920×1080 display, default app state. */
export function resetElectronFake(): void {
  calls.length = 0;
  windows.length = 0;
  setDisplays(defaultDisplays());
  setPrinters([]);
  activePowerBlockers.clear();
  registeredShortcuts.clear();
  ipcMain.handlers.clear();
  app.loginItem = { openAtLogin: false };
  app.commandLine.switches.clear();
  app.packaged = false;
  app.version = '0.1.0';
  session.defaultSession = new FakeSession();
}
resetElectronFake();

export default {
  app,
  BrowserWindow,
  webContents,
  screen,
  powerSaveBlocker,
  globalShortcut,
  Menu,
  ipcMain,
  session,
  dialog,
  safeStorage,
  protocol,
  shell,
  utilityProcess,
  net,
};
