import { addDays, type Day, isDay } from '../../../common/calendar-day.ts';
import { hallDay, hallDayStart } from '../../../common/hall-time.ts';

/**
 * A report's period: hall-local calendar days `from`..`to` inclusive, and the instants they
 * span. Tickets and ratings carry their hall day; applications and events carry instants,
 * compared as stored ISO strings against `startIso` (inclusive) and `endIso` (exclusive).
 */
export type Period = { from: Day; to: Day; startIso: string; endIso: string; timeZone: string };

/** The instant hall-local `day` began. Tries noon UTC either side so any zone offset lands on the day. */
export function dayStart(day: Day, timeZone: string): Date {
  if (!isDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  const noon = Date.parse(`${day}T12:00:00Z`);
  for (const shift of [0, -12, 12]) {
    const probe = new Date(noon + shift * 3_600_000);
    if (hallDay(probe, timeZone) === day) return hallDayStart(probe, timeZone);
  }
  throw new RangeError(`no instant of ${day} in ${timeZone}`);
}

export function periodOf(from: Day, to: Day, timeZone: string): Period {
  return { from, to, startIso: dayStart(from, timeZone).toISOString(), endIso: dayStart(addDays(to, 1), timeZone).toISOString(), timeZone };
}

/** "2026-11" → its first and last day. */
export function monthDays(month: string): { from: Day; to: Day } {
  const from = `${month}-01`;
  const next = addDays(`${month}-28`, 4).slice(0, 7);
  return { from, to: addDays(`${next}-01`, -1) };
}

/** The zone's offset at `date` as an SQLite date modifier ("+480 minutes"), to group instants by hall-local hour. */
export function offsetModifier(date: Date, timeZone: string): string {
  const start = hallDayStart(date, timeZone);
  const day = hallDay(date, timeZone);
  const minutes = Math.round((Date.parse(`${day}T00:00:00Z`) - start.getTime()) / 60_000);
  return `${minutes >= 0 ? '+' : '-'}${Math.abs(minutes)} minutes`;
}
