import { hallDayStart } from '../../common/hall-time.ts';

export type DueTrigger = 'schedule' | 'catchup';

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The last time the nightly window opened, at or before `now`, and when that window closes. */
export function lastWindow(now: Date, timeZone: string, start: string, end: string): { opens: Date; closes: Date } {
  const today = hallDayStart(now, timeZone).getTime() + minutesOf(start) * MINUTE;
  const opens = today <= now.getTime() ? today : today - DAY;
  // A window may run over midnight (23:00–02:00); equal ends mean the whole day.
  const length = ((minutesOf(end) - minutesOf(start) + 1440) % 1440 || 1440) * MINUTE;
  return { opens: new Date(opens), closes: new Date(opens + length) };
}

/**
 * Whether a utility's sync is due now: not yet succeeded since its window last opened. Inside
 * the window that is the nightly run; after it (the machine was off or asleep) it is the
 * catch-up. After a failed attempt it waits a while before trying again (15 minutes inside
 * the window, an hour outside it), so a utility that is down is not hammered.
 */
export function dueTrigger(
  now: Date,
  timeZone: string,
  window: { start: string; end: string },
  last: { successAt: string | null; attemptAt: string | null },
): DueTrigger | null {
  const { opens, closes } = lastWindow(now, timeZone, window.start, window.end);
  if (last.successAt && new Date(last.successAt) >= opens) return null;
  const inside = now < closes;
  const pause = (inside ? 15 : 60) * MINUTE;
  if (last.attemptAt && now.getTime() - new Date(last.attemptAt).getTime() < pause) return null;
  return inside ? 'schedule' : 'catchup';
}
