import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { HallHours } from '../../core/hall/contract.ts';
import type { Logger } from '../logger.ts';
import {
  beginInstall,
  decideAtStart,
  keepInstaller,
  markHealthy,
  readUpdateState,
  type RollbackRun,
  rollbackRun,
  type UpdateState,
  writeUpdateState,
} from './update-ledger.ts';
import { mayInstall, shouldCheck, updateTiming } from './update-policy.ts';

/** The part of electron-updater's autoUpdater this uses (passed in, so it is tested without Electron). */
export type Updater = {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  requestHeaders: import('node:http').OutgoingHttpHeaders | null;
  setFeedURL: (options: { provider: 'generic'; url: string; useMultipleRangeRequest: boolean }) => void;
  checkForUpdates: () => Promise<unknown>;
  downloadUpdate: () => Promise<unknown>;
  quitAndInstall: (isSilent?: boolean, isForceRunAfter?: boolean) => void;
  // Method syntax: electron-updater's on() is typed per event, which a method type accepts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-updater overloads on() per event; only any[] accepts every overload's listener
  on(event: 'update-available' | 'update-downloaded' | 'error', listener: (...args: any[]) => void): unknown;
};

export type AutoUpdateOptions = {
  updater: Updater;
  /** The hall's address; its /updates/ is the feed. */
  hallUrl: string;
  /** This app's version. */
  version: string;
  /** <userData>: update-state.json and the kept installers (installers/). */
  userData: string;
  now: () => Date;
  /** The hall's hours (hall/hours); undefined when the hall cannot be asked. */
  hours: () => Promise<HallHours | undefined>;
  /** Seconds since anyone touched this PC (powerMonitor.getSystemIdleTime). */
  idleSeconds: () => number;
  /** Settles when this start is healthy: the hall ready (hall PC) and the main window loaded. */
  healthy: Promise<unknown>;
  healthyWithinMs?: number;
  /** Runs the previous installer (the app quits for it). */
  runRollback: (run: RollbackRun) => void;
  /** Starts the app again: a start that was not healthy in time counts as failed at the next start. */
  relaunch: () => void;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  log: Logger;
  setInterval?: (run: () => void, ms: number) => { unref?: () => void };
};

/**
 * The desktop app's updates from the hall: a rollback first if the book says this version
 * failed to start twice; otherwise watch this start, check the hall's feed at start and every
 * few hours, download in the background, and install only when update-policy.ts allows.
 * Failures and rollbacks are error lines in the log, which the diagnostics carry to support.
 */
export function startAutoUpdate(options: AutoUpdateOptions): { tick: () => Promise<void> } {
  const { updater, log, version } = options;
  const stateFile = join(options.userData, 'update-state.json');
  const installers = join(options.userData, 'installers');
  const save = (state: UpdateState) => writeUpdateState(stateFile, state);

  const { state: atStart, decision } = decideAtStart(readUpdateState(stateFile), version);
  save(atStart);
  switch (decision.action) {
    case 'rollback':
      log.error({ bad: decision.bad, previous: decision.previous, installer: decision.installer }, 'update failed to start twice: marked bad, rolling back');
      if (decision.installer) {
        options.runRollback(rollbackRun(options.platform ?? process.platform, decision.installer, options.env ?? process.env));
        return { tick: async () => undefined };
      }
      log.error({ previous: decision.previous }, 'no installer of the previous version kept: install it by hand from the hall');
      break;
    case 'rolled_back':
      log.error({ bad: decision.bad, running: decision.running }, 'update rolled back: the previous version runs again');
      break;
    case 'install_missed':
      log.warn({ version: decision.version, running: decision.running }, 'the update installer did not replace the app');
      break;
    case 'trial': {
      const timer = setTimeout(() => {
        log.error({ version, start: decision.start }, 'new version not healthy in time: starting again');
        options.relaunch();
      }, options.healthyWithinMs ?? 90_000);
      options.healthy.then(
        () => {
          clearTimeout(timer);
          save(markHealthy(readUpdateState(stateFile), version));
          log.info({ version }, 'update installed and healthy');
        },
        () => undefined,
      );
      break;
    }
    case 'normal':
  }

  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  // The hall answers 426 to a version it cannot serve, except on /updates/ (server/updates).
  updater.requestHeaders = { 'X-OneWindow-Client': `desktop/${version}` };
  // One range per request: the hall serves single byte ranges (the differential download).
  updater.setFeedURL({ provider: 'generic', url: `${options.hallUrl.replace(/\/+$/, '')}/updates/`, useMultipleRangeRequest: false });

  let lastCheck: Date | undefined;
  let downloaded: string | undefined;
  let checking = false;

  updater.on('update-available', (info: { version: string }) => {
    if (readUpdateState(stateFile).bad.includes(info.version)) {
      log.warn({ version: info.version }, 'the hall offers a version that failed here before: not downloading it');
      return;
    }
    log.info({ version: info.version }, 'downloading update');
    updater.downloadUpdate().catch((error: unknown) => log.warn({ err: error }, 'update download failed'));
  });
  updater.on('update-downloaded', (event: { version: string; downloadedFile: string }) => {
    // Kept in userData: the way back if the version after it fails to start.
    mkdirSync(installers, { recursive: true });
    const file = join(installers, basename(event.downloadedFile));
    copyFileSync(event.downloadedFile, file);
    const { state, drop } = keepInstaller(readUpdateState(stateFile), { version: event.version, file }, version);
    save(state);
    for (const old of drop) rmSync(old, { force: true });
    downloaded = event.version;
    log.info({ version: event.version }, 'update downloaded; installs when the hall is closed and this PC idle');
  });
  updater.on('error', (error: unknown) => log.warn({ err: error }, 'update check failed'));

  const tick = async () => {
    const now = options.now();
    if (!checking && shouldCheck(now, lastCheck)) {
      lastCheck = now;
      checking = true;
      await updater
        .checkForUpdates()
        .catch((error: unknown) => log.warn({ err: error }, 'update check failed'))
        .finally(() => (checking = false));
    }
    if (downloaded === undefined) return;
    const verdict = mayInstall({
      now,
      downloaded,
      badVersions: readUpdateState(stateFile).bad,
      hours: await options.hours(),
      idleSeconds: options.idleSeconds(),
    });
    if (!verdict.install) return;
    save(beginInstall(readUpdateState(stateFile), { version: downloaded, previous: version, at: now.toISOString() }));
    log.info({ version: downloaded, previous: version }, 'installing update');
    updater.quitAndInstall(true, true);
  };
  const every = options.setInterval ?? ((run, ms) => setInterval(run, ms));
  every(() => void tick(), updateTiming.tickMs).unref?.();
  void tick();
  return { tick };
}
