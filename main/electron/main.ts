import { join, resolve } from 'node:path';
import { app, type BrowserWindow, dialog, safeStorage, session } from 'electron';
import { appUrl, handleAppProtocol, registerAppScheme } from './app-protocol.ts';
import { forkHall, type HallFailure, type HallProcess } from './hall-process.ts';
import { registerIpcBridge } from './ipc-bridge.ts';
import { registerPdfExport } from './pdf-export.ts';
import { createLogger, logToFile } from './logger.ts';
import { ownHallFeed, startDesktopUpdates } from './updates/desktop-updates.ts';
import { sendClientVersion } from './updates/client-version-header.ts';
import { hardenContents, denyPermissions, trustHallCertificate } from './security.ts';
import { loadSettings, type Settings } from './settings.ts';
import { openRoleWindows } from './role-windows.ts';
import { applyRolePreset } from './role-preset.ts';
import { withPresetFile } from './role-preset-file.ts';
import { systemClock } from '../core/clock.ts';
import { databaseFile } from '../shared/data-dir.ts';
import { keychainSecretKey } from './keychain-key.ts';
import { legacySecretKeyFile, secretKeyFile } from '../utility-link/secret-box.ts';
import { desktopText, pickLanguage } from '../shared/desktop-text.ts';
import type { ScreenSource } from './windows.ts';
import { superviseScreens } from './unattended.ts';
import { allowUnpromptedSpeech, peekRole } from './unattended-power.ts';
import { createPcSetup, type PcSetupWindow, relaunchArgs, wantsPcSettings } from './pc-setup-window.ts';
import { browseHalls } from '../server/hall-mdns.ts';

// The desktop app: the counter screen, the customer's rating screen on a second display,
// and (single-PC mode) the hall server in a utility process with its data in userData.

const log = createLogger('electron');

// The same override `npm run hall` honours, so scripts and tests can use a scratch folder.
if (process.env.ONEWINDOW_DATA) app.setPath('userData', resolve(process.env.ONEWINDOW_DATA));
// <userData>/logs/onewindow.log, 10 MB × 5, this process's and the hall process's lines (logger.ts).
logToFile(join(app.getPath('userData'), 'logs'));

registerAppScheme();
// Switches only count before ready: the board and kiosk speak without a click (unattended-power.ts).
allowUnpromptedSpeech(peekRole(join(app.getPath('userData'), 'settings.json')));
// out/main/electron/main.js → out/preload/*.cjs (CommonJS: sandboxed preloads cannot be ES modules).
const preloadDir = join(import.meta.dirname, '..', '..', 'preload');

let counter: BrowserWindow | undefined;
let hall: HallProcess | undefined;
let quitting = false;
// The PC's setup page (role, hall): the wizard on a new PC, the settings page later.
let pcSetup: PcSetupWindow | undefined;

// Resolved once the app is ready: the system locale is known only then.
let t = desktopText('zh-CN');
const showError = (text: string) => dialog.showErrorBox(t('app.title'), text);

function failureText(failure: HallFailure): string {
  if (failure.reason === 'port_in_use') return `${t('failure.portInUse')}\n\n${failure.message}`;
  if (failure.reason === 'database_too_new') return `${t('failure.databaseTooNew')}\n\n${failure.message}`;
  return `${t('failure.startup')}\n${failure.message}`;
}

function openScreens(settings: Settings, source: ScreenSource): void {
  const opened = openRoleWindows(settings, source, log);
  counter = opened.main;
  // Not on a locked kiosk or board: a customer's keyboard must not open anything there (--pc-settings after unlocking).
  for (const window of opened.all) if (!opened.unattended.includes(window)) pcSetup?.watch(window);
  superviseScreens(opened, settings, { log, t, lang: pickLanguage(app.getLocale()), clock: systemClock, preloadDir });
  counter.on('closed', () => {
    counter = undefined;
  });
}

function startSinglePc(host: string, port: number): ScreenSource {
  const rendererDir = join(app.getAppPath(), 'dist', 'renderer');
  const dataDir = app.getPath('userData');
  // The secrets' key from the OS keychain, handed over in memory (keychain-key.ts).
  const secretKey = keychainSecretKey({
    file: join(dataDir, 'secret-key.sealed'),
    keyFiles: [legacySecretKeyFile(dataDir), secretKeyFile(dataDir)],
    keychain: safeStorage,
    log,
  });
  hall = forkHall({ dataDir, host, port, rendererDir, secretKey }, log);
  registerIpcBridge(hall, log);
  registerPdfExport(log);
  hall.ready.then(
    (url) => log.info({ url }, 'hall ready'),
    (failure: HallFailure) => {
      if (quitting) return;
      log.error({ failure }, 'hall failed to start');
      showError(failureText(failure));
      app.exit(1);
    },
  );
  hall.onCrash(() => {
    showError(t('failure.hallStopped'));
    app.exit(1);
  });
  // out/main/electron/main.js → out/preload/index.cjs (CommonJS: sandboxed preloads cannot be ES modules).
  return { url: appUrl, preload: join(import.meta.dirname, '..', '..', 'preload', 'index.cjs') };
}

async function start(): Promise<void> {
  t = desktopText(pickLanguage(app.getLocale()));
  const settingsFile = join(app.getPath('userData'), 'settings.json');
  // The installer's or shortcut's --role=… (mass deployment) before the file is read.
  applyRolePreset(settingsFile, withPresetFile(process.argv, join(process.resourcesPath, 'role-preset.json'), log), log);
  const loaded = loadSettings(settingsFile, log, systemClock.now(), { hallDatabase: databaseFile(app.getPath('userData')) });
  log.info({ role: loaded.state === 'ready' ? loaded.settings.role : null, settingsFile }, 'starting');
  denyPermissions(session.defaultSession, log);
  // app://hall serves the setup page in every role, and the screens themselves on the hall server.
  handleAppProtocol(join(app.getAppPath(), 'dist', 'renderer'), log);
  pcSetup = createPcSetup({
    settingsFile,
    current: loaded.state === 'ready' ? loaded.settings : undefined,
    brokenKept: loaded.state === 'unset' && loaded.keptAs !== undefined,
    log,
    now: () => systemClock.now(),
    discover: (waitMs) => browseHalls(waitMs),
    embeddedCall: (name, input, token) =>
      hall ? hall.call(name, input, token) : Promise.resolve({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } }),
    restart: () => {
      app.relaunch({ args: relaunchArgs(process.argv) });
      app.quit();
    },
    preload: join(preloadDir, 'index.cjs'),
  });
  if (loaded.state === 'unset') {
    // A new PC: nothing runs until hall IT has said what it is.
    app.on('web-contents-created', (_event, contents) => hardenContents(contents, appUrl(''), log));
    counter = pcSetup.open();
    return;
  }
  const settings = loaded.settings;

  let base: string;
  let source: ScreenSource;
  if (settings.role !== 'hallServer') {
    base = settings.hallUrl;
    trustHallCertificate(session.defaultSession, settings.hallUrl, settings.hallCertificate, log);
    sendClientVersion(session.defaultSession, settings.hallUrl, app.getVersion());
    // The hall's pages talk to it over HTTP; their only door to this PC is silent printing.
    source = { url: (route) => `${settings.hallUrl}/${route}`, preload: join(preloadDir, 'client-print.cjs') };
  } else {
    base = appUrl('');
    source = startSinglePc(settings.host, settings.port);
  }
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, base, log));
  openScreens(settings, source);
  if (wantsPcSettings(process.argv)) pcSetup.open();
  // Updates from the hall's /updates/, installed outside opening hours (updates/).
  if (counter)
    startDesktopUpdates({
      hall: hall ? ownHallFeed(hall) : Promise.resolve({ url: base, pin: settings.role !== 'hallServer' ? settings.hallCertificate : undefined }),
      main: counter,
      hallReady: hall?.ready,
      log,
    });
}

if (!app.requestSingleInstanceLock()) {
  // One app per PC: a second hall server would fight over the port and the database.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    // `OneWindow --pc-settings` while it runs (a desktop shortcut for hall IT).
    if (wantsPcSettings(argv) && pcSetup) {
      pcSetup.open();
      return;
    }
    if (!counter) return;
    if (counter.isMinimized()) counter.restore();
    counter.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (quitting || !hall) return;
    // Close the database cleanly before leaving.
    event.preventDefault();
    quitting = true;
    const stopping = hall;
    hall = undefined;
    stopping
      .stop()
      .catch((error: unknown) => log.error({ err: error }, 'hall server did not stop cleanly'))
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error({ err: error }, 'startup failed');
      showError(`${t('failure.startup')}\n${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
    });
}
