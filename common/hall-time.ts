/**
 * Hall-local calendar time. Ticket numbers reset with the hall's day, not the server's
 * UTC day, and opening hours are read on the hall's clock. Pure: the instant is always given
 * (the hall server's clock is main/core/clock.ts, the screens' renderer/shared/hall-clock.ts).
 */
export const defaultTimeZone = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

// A request asks for the hall's day and clock several times within the same second: the last answer is kept.
let lastKey = '';
let lastParts: Record<string, string> = {};

/** The wall clock of `timeZone` at `date`: year, month, day, hour, minute and second, zero-padded. */
export function wallClockParts(date: Date, timeZone: string): Readonly<Record<string, string>> {
  const key = `${timeZone}|${Math.floor(date.getTime() / 1000)}`;
  if (key === lastKey) return lastParts;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  lastParts = Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
  lastKey = key;
  return lastParts;
}

/** "2026-11-22" in the hall's time zone. */
export function hallDay(date: Date, timeZone: string): string {
  const p = wallClockParts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "08:30" in the hall's time zone. */
export function hallClock(date: Date, timeZone: string): string {
  const p = wallClockParts(date, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** "2026-11-22T093005": the hall's local date and time to the second, for file names. */
export function hallStamp(date: Date, timeZone: string): string {
  const p = wallClockParts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}${p.minute}${p.second}`;
}

/**
 * The instant the hall's day of `date` began (hall-local 00:00). Uses the zone's offset at
 * `date`, which is the offset at midnight too except on a daylight-saving change day;
 * China has none.
 */
export function hallDayStart(date: Date, timeZone: string): Date {
  const p = wallClockParts(date, timeZone);
  const y = Number(p.year);
  const m = Number(p.month) - 1;
  const d = Number(p.day);
  const wallClockAsUtc = Date.UTC(y, m, d, Number(p.hour), Number(p.minute));
  const offset = wallClockAsUtc - Math.floor(date.getTime() / 60_000) * 60_000;
  return new Date(Date.UTC(y, m, d) - offset);
}

/** Opening hours are [opensAt, closesAt): at closesAt the kiosk stops issuing. */
export function isWithinHours(date: Date, timeZone: string, opensAt: string, closesAt: string): boolean {
  const now = hallClock(date, timeZone);
  return now >= opensAt && now < closesAt;
}
