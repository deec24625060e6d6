/**
 * Hall-local calendar time. Ticket numbers reset with the hall's day, not the server's
 * UTC day, and opening hours are read on the hall's clock. Pure: the instant is always given
 * (the hall server's clock is main/core/clock.ts, the screens' renderer/shared/hall-clock.ts).
 */
export const defaultTimeZone = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

type Parts = { year: string; month: string; day: string; hour: string; minute: string; second: string };

function formatted(date: Date, timeZone: string): Parts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const p: Parts = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  const isPart = (type: string): type is keyof Parts => type in p;
  for (const part of f.formatToParts(date)) if (isPart(part.type)) p[part.type] = part.value;
  return p;
}

/**
 * The zone's offset (wall clock minus UTC, ms) through the UTC minute `minute`, or NaN when it
 * changes within that minute. Intl's formatting cost a twentieth of the hall's CPU per ticket
 * (several hall days and clocks per request, for different instants); the offset is read from
 * Intl once a minute and a zone, and the rest is arithmetic. Offsets change at whole minutes
 * in every zone since 1972; the check at both ends keeps older odd ones exact.
 */
const offsets = new Map<string, number>();

function offsetThrough(minute: number, timeZone: string): number {
  const key = `${timeZone}|${minute}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const offsetAt = (ms: number): number => {
    const p = formatted(new Date(ms), timeZone);
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - ms;
  };
  const start = minute * 60_000;
  const offset = offsetAt(start);
  const value = offsetAt(start + 59_000) === offset ? offset : Number.NaN;
  if (offsets.size >= 512) offsets.clear();
  offsets.set(key, value);
  return value;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The wall clock of `timeZone` at `date`: year, month, day, hour, minute and second, zero-padded. */
export function wallClockParts(date: Date, timeZone: string): Readonly<Parts> {
  const ms = date.getTime();
  const offset = offsetThrough(Math.floor(ms / 60_000), timeZone);
  if (Number.isNaN(offset)) return formatted(date, timeZone);
  const wall = new Date(Math.floor(ms / 1000) * 1000 + offset);
  return {
    year: String(wall.getUTCFullYear()).padStart(4, '0'),
    month: two(wall.getUTCMonth() + 1),
    day: two(wall.getUTCDate()),
    hour: two(wall.getUTCHours()),
    minute: two(wall.getUTCMinutes()),
    second: two(wall.getUTCSeconds()),
  };
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
