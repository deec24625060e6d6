import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { app, type BrowserWindow, net, powerMonitor, session } from 'electron';
import electronUpdater from 'electron-updater';
import { systemClock } from '../../core/clock.ts';
import { hallHoursSchema } from '../../core/hall/contract.ts';
import type { HallProcess } from '../hall-process.ts';
import type { Logger } from '../logger.ts';
import { trustHallCertificate } from '../security.ts';
import { startAutoUpdate } from './auto-update.ts';
import { CLIENT_HEADER } from './client-version-header.ts';
import type { RollbackRun } from './update-ledger.ts';
import { isResult } from '../../core/api/is-result.ts';
import { z } from 'zod';

/** Settles once the window has loaded its page: this start is healthy as far as the screens go. */
const loaded = (window: BrowserWindow): Promise<void> =>
  new Promise((resolve) => {
    if (!window.webContents.isLoading()) resolve();
    window.webContents.once('did-finish-load', () => resolve());
  });

function runRollback(run: RollbackRun, log: Logger): void {
  if (run.kind === 'replace') {
    copyFileSync(run.source, run.target);
    app.relaunch();
    app.exit(0);
    return;
  }
  spawn(run.command, run.args, { detached: true, stdio: 'ignore' }).unref();
  log.warn({ command: run.command }, 'previous installer started; quitting for it');
  app.quit();
}

/** The hall PC updates from its own server, trusting the CA that server made (hall/certificate). */
export async function ownHallFeed(hall: HallProcess): Promise<{ url: string; pin: string | undefined }> {
  const url = await hall.ready;
  const certificate = await hall.call('hall/certificate', {}, undefined);
  const pin = certificate.ok ? z.object({ caFingerprint: z.string().nullable() }).parse(certificate.value).caFingerprint : null;
  return { url, pin: pin ?? undefined };
}

/**
 * Wires electron-updater to the hall's /updates/ (auto-update.ts decides). `hallUrl` resolves to
 * the hall's address (on the hall PC once its server is up) and the hall CA this PC trusts,
 * applied to electron-updater's own session too.
 */
export function startDesktopUpdates(options: {
  hall: Promise<{ url: string; pin: string | undefined }>;
  main: BrowserWindow;
  hallReady?: Promise<unknown>;
  log: Logger;
}): void {
  const { log } = options;
  const healthy = Promise.all([loaded(options.main), options.hallReady]);
  void options.hall.then(
    ({ url: hallUrl, pin }) => {
      // electron-updater downloads through a session of its own (NET_SESSION_NAME).
      if (hallUrl.startsWith('https:')) trustHallCertificate(session.fromPartition('electron-updater', { cache: false }), hallUrl, pin, log);
      const hours = async () => {
        try {
          const response = await net.fetch(`${hallUrl}/api/hall/hours`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [CLIENT_HEADER]: `desktop/${app.getVersion()}` },
            body: '{}',
          });
          const body: unknown = await response.json();
          return isResult(body) && body.ok ? hallHoursSchema.parse(body.value) : undefined;
        } catch (error) {
          log.warn({ err: error }, 'hall hours unavailable: no update installed now');
          return undefined;
        }
      };
      startAutoUpdate({
        updater: electronUpdater.autoUpdater,
        hallUrl,
        version: app.getVersion(),
        userData: app.getPath('userData'),
        now: systemClock.now,
        hours,
        idleSeconds: () => powerMonitor.getSystemIdleTime(),
        healthy,
        runRollback: (run) => runRollback(run, log),
        relaunch: () => {
          app.relaunch();
          app.exit(1);
        },
        log,
      });
    },
    () => undefined,
  );
}
