import { hallClock } from '../../../common/hall-time.ts';
import type { HallHours } from '../../core/hall/contract.ts';

/**
 * When a desktop app looks for, and installs, an update from the hall. Pure: the caller passes
 * the time (the hall clock's or the system's), the hall's hours and how long the PC has been idle.
 */
export const updateTiming = {
  /** Looks at the hall's feed at start and then this often. */
  checkEveryMs: 4 * 60 * 60_000,
  /** How often the app asks itself whether it may install what it has downloaded. */
  tickMs: 10 * 60_000,
  /** Staff arrive before opening and leave after closing: no install this close to the hours. */
  marginMinutes: 60,
  /** Nobody has touched this PC for this long: no call or intake is in progress. */
  idleMinutes: 15,
};

export const shouldCheck = (now: Date, lastCheckAt: Date | undefined, everyMs = updateTiming.checkEveryMs): boolean =>
  lastCheckAt === undefined || now.getTime() - lastCheckAt.getTime() >= everyMs;

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Minutes since midnight on the hall's wall clock. */
export const hallMinuteOfDay = (now: Date, timeZone: string): number => minutesOf(hallClock(now, timeZone));

/** Whether `now` is within the hall's hours, widened by the margin on both sides. */
export function hallInHours(now: Date, hours: HallHours, marginMinutes = updateTiming.marginMinutes): boolean {
  if (hours.opensAt === null || hours.closesAt === null) return false;
  const minute = hallMinuteOfDay(now, hours.timeZone);
  return minute >= minutesOf(hours.opensAt) - marginMinutes && minute < minutesOf(hours.closesAt) + marginMinutes;
}

export type InstallVerdict = { install: true } | { install: false; reason: 'nothing_downloaded' | 'bad_version' | 'hours_unknown' | 'hall_open' | 'pc_in_use' };

/**
 * Install only a downloaded version not known bad, only when the hall's hours are known and
 * the hall is closed (with the margin), and only on a PC nobody has used for a while — so an
 * update never lands in the middle of a call or an intake.
 */
export function mayInstall(input: {
  now: Date;
  downloaded: string | undefined;
  badVersions: readonly string[];
  hours: HallHours | undefined;
  idleSeconds: number;
  idleMinutes?: number;
  marginMinutes?: number;
}): InstallVerdict {
  if (input.downloaded === undefined) return { install: false, reason: 'nothing_downloaded' };
  if (input.badVersions.includes(input.downloaded)) return { install: false, reason: 'bad_version' };
  if (input.hours === undefined) return { install: false, reason: 'hours_unknown' };
  if (hallInHours(input.now, input.hours, input.marginMinutes)) return { install: false, reason: 'hall_open' };
  if (input.idleSeconds < (input.idleMinutes ?? updateTiming.idleMinutes) * 60) return { install: false, reason: 'pc_in_use' };
  return { install: true };
}
