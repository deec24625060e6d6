import { type BrowserWindow, net } from 'electron';
import type { TFunction } from 'i18next';
import type { Clock } from '../core/clock.ts';
import { localPage } from './local-page.ts';
import type { Logger } from './logger.ts';
import { isInside } from './security.ts';

/**
 * A client PC (counter, kiosk, board, manager's desk) whose hall server cannot be reached when a
 * screen loads: instead of Chromium's error page, a local page says so with the hall's address
 * and the time of the last try, the hall is tried again with a growing wait, and the screen
 * comes back by itself when the hall answers — no restart. (Once a page is up, a hall that drops
 * is the page's own business: its connection banner and push reconnect.)
 */
export const retryDelaysMs = [2_000, 5_000, 10_000, 30_000] as const;

/** The wait before try `attempt` (0-based): growing, then every 30 s. */
export const retryDelayMs = (attempt: number, delays: readonly number[] = retryDelaysMs): number => delays[Math.min(attempt, delays.length - 1)] ?? 30_000;

// Chromium's net error for a navigation replaced by another one: not the hall's fault.
const ABORTED = -3;

export function offlinePage(t: TFunction, lang: string, address: string, lastTry: Date): string {
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(lastTry);
  return localPage({
    lang,
    title: t('offline.title'),
    lines: [t('offline.address', { address }), t('offline.lastTry', { time }), t('offline.hint')],
    tone: 'wait',
  });
}

/** Whether the hall answers at all (any answer below 500: even a refusal shows it is up). */
export type Probe = (url: string) => Promise<boolean>;

/** Through Electron's network stack, so the hall's pinned certificate (security.ts) applies as for the screens. */
export const netProbe: Probe = async (url) => {
  try {
    const response = await net.fetch(url, { method: 'HEAD', cache: 'no-store' });
    return response.status < 500;
  } catch {
    return false;
  }
};

export function watchHallConnection(
  window: BrowserWindow,
  options: { hallUrl: string; clock: Clock; t: TFunction; lang: string; log: Logger; probe?: Probe; delaysMs?: readonly number[] },
): void {
  const probe = options.probe ?? netProbe;
  let wanted: string | undefined;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = () => {
    window
      .loadURL(offlinePage(options.t, options.lang, options.hallUrl, options.clock.now()))
      .catch((error: unknown) => options.log.error({ err: error }, 'offline page failed to load'));
  };
  const retry = () => {
    // The timer cannot await: a probe that throws is logged rather than left unhandled.
    timer = setTimeout(
      () => {
        tryAgain().catch((error: unknown) => options.log.error({ err: error }, 'hall probe failed'));
      },
      retryDelayMs(attempt, options.delaysMs),
    );
  };
  const tryAgain = async () => {
    timer = undefined;
    const up = await probe(options.hallUrl);
    if (window.isDestroyed() || !wanted) return;
    if (up) {
      options.log.info({ url: wanted, attempts: attempt + 1 }, 'hall server reachable again: reloading the screen');
      const target = wanted;
      wanted = undefined;
      window.loadURL(target).catch((error: unknown) => options.log.warn({ err: error, url: target }, 'screen failed to load after the hall came back'));
      return;
    }
    attempt += 1;
    show();
    retry();
  };

  window.webContents.on('did-fail-load', (_event, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => {
    if (!isMainFrame || errorCode === ABORTED || !isInside(validatedURL, options.hallUrl)) return;
    options.log.warn({ url: validatedURL, errorCode, errorDescription }, 'hall server unreachable: showing the offline page and retrying');
    wanted = validatedURL;
    attempt = 0;
    clearTimeout(timer);
    show();
    retry();
  });
  window.on('closed', () => clearTimeout(timer));
}
