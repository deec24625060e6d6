import { useEffect, useState, useSyncExternalStore } from 'react';
import { addDays } from '../../common/calendar-day.ts';
import { defaultTimeZone, hallClock, hallDay, wallClockParts } from '../../common/hall-time.ts';

/**
 * The screens' copy of the hall's clock. The hall server owns time (main/core/clock.ts): a
 * screen learns the hall's instant and time zone from `hall/time` and every push hello, and
 * runs on from there with the monotonic clock. So a kiosk or counter PC whose own clock or
 * time zone is wrong still shows the hall's day and hour, and every default date, range and
 * "today" comes from here — never from the PC's own calendar (the architecture test keeps it so).
 */

type HallTimeState = { timeZone: string; atMs: number; perfMs: number; unpublishedYears: readonly number[] };

let state: HallTimeState | undefined;
const listeners = new Set<() => void>();

/** Takes the hall's time as the server gave it (`hall/time`, a push hello). */
export function setHallTime(time: { at: string; timeZone: string; unpublishedYears: readonly number[] }): void {
  const atMs = Date.parse(time.at);
  if (Number.isNaN(atMs)) return;
  state = { timeZone: time.timeZone, atMs, perfMs: performance.now(), unpublishedYears: time.unpublishedYears };
  for (const listener of listeners) listener();
}

export const hallTimeKnown = (): boolean => state !== undefined;

/** The hall's time zone; Shanghai, the default of every hall, until the server has said. */
export const hallZone = (): string => state?.timeZone ?? defaultTimeZone;

/**
 * The hall's instant now. Before the hall has answered (the gate waits for it, so only a
 * screen that cannot reach the hall gets here) the PC's clock is the only one there is.
 */
export function hallNowMs(): number {
  if (!state) return performance.timeOrigin + performance.now();
  return state.atMs + (performance.now() - state.perfMs);
}

export const hallNow = (): Date => new Date(hallNowMs());

/**
 * A deadline falling in a year whose holidays the hall has not imported counts weekends only
 * there and may move once the year is imported (docs/time.md): it is shown as provisional.
 */
export const isProvisionalDay = (day: string): boolean => state?.unpublishedYears.includes(Number(day.slice(0, 4))) ?? false;

// ---------------------------------------------------------------- calendar days in the hall's zone

/** "2026-11-25": the hall's calendar day of an instant. */
export const hallDayOf = (date: Date | string, timeZone = hallZone()): string => hallDay(typeof date === 'string' ? new Date(date) : date, timeZone);

/** "09:30": the hall's wall-clock time of an instant. */
export const hallTimeOf = (date: Date | string, timeZone = hallZone()): string => hallClock(typeof date === 'string' ? new Date(date) : date, timeZone);

/** "2026-11-25 09:30" in the hall's time: lists, receipts and the progress page. */
export const hallDateTime = (iso: string): string => (iso ? `${hallDayOf(iso)} ${hallTimeOf(iso)}` : '');

/** The hall's day, `offset` days from today. */
export const hallToday = (offset = 0): string => addDays(hallDayOf(hallNow()), offset);

export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

/** "2026-11": the hall's month now. */
export const hallMonth = (): string => hallToday().slice(0, 7);

/** "2026-11-25T09:30" for a datetime-local input: the hall's wall clock now. */
export const hallDateTimeInput = (date: Date = hallNow()): string => `${hallDayOf(date)}T${hallTimeOf(date)}`;

/**
 * The instant of a hall-local day and time ("2026-11-25", "09:30"), as the API takes it. The
 * zone's offset is read at a first guess and again at the result, which settles it even on a
 * zone's clock-change day.
 */
export function hallInstant(day: string, time: string, timeZone = hallZone()): string {
  const [y = 0, mo = 1, d = 1] = day.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (ms: number) => {
    const p = wallClockParts(new Date(ms), timeZone);
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - Math.floor(ms / 1000) * 1000;
  };
  let guess = wall - offsetAt(wall);
  guess = wall - offsetAt(guess);
  return new Date(guess).toISOString();
}

/** A datetime-local input's value ("2026-11-25T09:30") read as hall time; undefined when it is no date. */
export function hallInstantOfInput(value: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m?.[1] && m[2] ? hallInstant(m[1], m[2]) : undefined;
}

/** [start, end) of a hall day, as instants. */
export const hallDayRange = (day: string): { from: string; to: string } => ({ from: hallInstant(day, '00:00'), to: hallInstant(addDays(day, 1), '00:00') });

// ---------------------------------------------------------------- display in the screen's language

/** Date and time in the screen's language, on the hall's clock. */
export const formatHallDateTime = (iso: string | null, lng?: string): string =>
  iso ? new Date(iso).toLocaleString(lng, { timeZone: hallZone(), year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '';

/** "13:05" in the screen's language, on the hall's clock. */
export const formatHallClock = (iso: string, lng?: string): string =>
  new Date(iso).toLocaleTimeString(lng, { timeZone: hallZone(), hour: '2-digit', minute: '2-digit' });

// ---------------------------------------------------------------- React

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** The hall's time in milliseconds, ticking every `ms`; re-renders when the hall sets it right. */
export function useHallNow(ms = 1000): number {
  useSyncExternalStore(subscribe, () => state);
  const [now, setNow] = useState(hallNowMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(hallNowMs()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  useEffect(() => subscribe(() => setNow(hallNowMs())), []);
  return now;
}

/** The hall's day, kept current across midnight (checked every 20 s). */
export function useHallToday(): string {
  const now = useHallNow(20_000);
  return hallDayOf(new Date(now));
}
