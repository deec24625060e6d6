import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import type { TFunction } from 'i18next';
import type { Logger } from './logger.ts';
import { localPage } from './local-page.ts';

/**
 * An unattended screen heals itself: a renderer that crashed is reloaded after a short wait
 * (longer each time), one that hangs is killed after a grace period and reloaded — but a screen
 * that keeps crashing stops at a local page asking for IT instead of looping all day.
 */
export const crashPolicy = {
  /** This many crashes inside `windowMs` and the screen gives up. */
  maxCrashes: 4,
  windowMs: 10 * 60_000,
  /** The wait before the n-th reload (the last one repeats). */
  backoffMs: [1_000, 5_000, 15_000],
  /** How long a hung page may stay unresponsive before it is killed. */
  hangGraceMs: 30_000,
} as const;

export type CrashDecision = { action: 'reload'; delayMs: number } | { action: 'giveUp' };

/** After a crash at `nowMs`, given the earlier ones: reload after a wait, or give up. Pure. */
export function crashDecision(
  earlier: readonly number[],
  nowMs: number,
  policy: { maxCrashes: number; windowMs: number; backoffMs: readonly number[] } = crashPolicy,
): CrashDecision {
  const recent = earlier.filter((at) => nowMs - at < policy.windowMs).length + 1;
  if (recent >= policy.maxCrashes) return { action: 'giveUp' };
  const delayMs = policy.backoffMs[Math.min(recent, policy.backoffMs.length) - 1] ?? 0;
  return { action: 'reload', delayMs };
}

/** The page of a screen that gave up, in the PC's language. */
export function crashedPage(t: TFunction, lang: string): string {
  return localPage({
    lang,
    title: t('screen.failedTitle'),
    lines: [t('screen.failedBody', { count: crashPolicy.maxCrashes, minutes: crashPolicy.windowMs / 60_000 })],
    tone: 'error',
  });
}

export type KeepAliveOptions = {
  log: Logger;
  nowMs: () => number;
  /** What brings the screen back (default: reload the page it showed). */
  reload?: () => void;
  /** Shown instead of looping (a data: URL from crashedPage). */
  givenUpUrl: string;
  policy?: typeof crashPolicy;
};

/** Watches `window`'s renderer: crash → reload with backoff or the give-up page; hang → kill after the grace, then the same. */
export function keepAlive(window: BrowserWindow, options: KeepAliveOptions): void {
  const policy = options.policy ?? crashPolicy;
  const contents = window.webContents;
  const crashes: number[] = [];
  let pending: ReturnType<typeof setTimeout> | undefined;
  let hang: ReturnType<typeof setTimeout> | undefined;
  let givenUp = false;
  const reload = options.reload ?? (() => contents.reload());

  const recover = (why: string) => {
    // A crash while a reload is already on its way (the kill of a hung page) is the same incident.
    if (pending || givenUp || window.isDestroyed()) return;
    const now = options.nowMs();
    const decision = crashDecision(crashes, now, policy);
    crashes.push(now);
    if (decision.action === 'giveUp') {
      givenUp = true;
      options.log.error({ why, crashes: crashes.length }, 'screen keeps failing: showing the call-IT page');
      window.loadURL(options.givenUpUrl).catch((error: unknown) => options.log.error({ err: error }, 'call-IT page failed to load'));
      return;
    }
    options.log.warn({ why, delayMs: decision.delayMs }, 'screen failed: reloading');
    pending = setTimeout(() => {
      pending = undefined;
      if (!window.isDestroyed()) reload();
    }, decision.delayMs);
  };

  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    if (details.reason === 'clean-exit') return;
    clearTimeout(hang);
    hang = undefined;
    recover(`renderer ${details.reason} (exit code ${details.exitCode})`);
  });
  window.on('unresponsive', () => {
    if (hang || givenUp) return;
    options.log.warn({ graceMs: policy.hangGraceMs }, 'screen unresponsive: waiting');
    hang = setTimeout(() => {
      hang = undefined;
      if (window.isDestroyed()) return;
      options.log.error('screen still unresponsive: killing its renderer');
      contents.forcefullyCrashRenderer();
      recover('renderer hung');
    }, policy.hangGraceMs);
  });
  window.on('responsive', () => {
    if (!hang) return;
    clearTimeout(hang);
    hang = undefined;
    options.log.info('screen responsive again');
  });
  window.on('closed', () => {
    clearTimeout(pending);
    clearTimeout(hang);
  });
}
