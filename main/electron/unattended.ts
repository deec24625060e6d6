import { join } from 'node:path';
import { app } from 'electron';
import type { TFunction } from 'i18next';
import type { Clock } from '../core/clock.ts';
import { crashedPage, keepAlive } from './crash-recovery.ts';
import { fromApp } from './ipc-bridge.ts';
import { type Lock, lockDown } from './lockdown.ts';
import type { Logger } from './logger.ts';
import { watchHallConnection } from './offline.ts';
import type { RoleWindows } from './role-windows.ts';
import { isInside } from './security.ts';
import type { Settings } from './settings.ts';
import { registerSilentPrint } from './silent-print.ts';
import { applyLoginItem, keepAwake, startsAtLogin } from './unattended-power.ts';
import { createUnlockPrompt } from './unlock-prompt.ts';

/**
 * Everything that keeps this PC's screens working with nobody at them, applied to the windows
 * its role opened (docs/deploy.md, "Unattended PCs"): start at login, crash and hang restart for
 * every screen, the offline page for a client's screens, kiosk lockdown with the administrator's
 * PIN for the kiosk and board, an awake display for the board, and dialog-free printing.
 */
export function superviseScreens(
  opened: RoleWindows,
  settings: Settings,
  deps: { log: Logger; t: TFunction; lang: string; clock: Clock; preloadDir: string; platform?: NodeJS.Platform },
): void {
  const { log, t, lang, clock } = deps;
  applyLoginItem(startsAtLogin(settings.role, settings.openAtLogin), log, deps.platform);

  const hallUrl = settings.role === 'hallServer' ? undefined : settings.hallUrl;
  registerSilentPrint({
    printerName: settings.printerName,
    allowed: (frame) => fromApp(frame) || (hallUrl !== undefined && frame !== null && isInside(frame.url, hallUrl)),
    log,
  });

  const givenUpUrl = crashedPage(t, lang);
  for (const window of opened.all) {
    keepAlive(window, { log, nowMs: () => clock.now().getTime(), givenUpUrl });
    if (hallUrl) watchHallConnection(window, { hallUrl, clock, t, lang, log });
  }

  if (opened.unattended.length === 0) return;
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  const locks: Lock[] = [];
  const prompt = createUnlockPrompt({
    parent: () => opened.unattended.find((w) => !w.isDestroyed()),
    pinHash: settings.adminPinHash,
    preload: join(deps.preloadDir, 'unlock-prompt.cjs'),
    clock,
    t,
    lang,
    log,
    onUnlock: (action) => {
      if (action === 'quit') {
        quitting = true;
        app.quit();
      } else for (const lock of locks) lock.unlock();
    },
  });
  for (const window of opened.unattended) {
    locks.push(lockDown(window, { log, onAdmin: prompt.open, allowClose: () => quitting }));
    if (settings.role === 'board') keepAwake(window, log);
  }
}
