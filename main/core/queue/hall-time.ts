/**
 * Hall-local calendar time. Ticket numbers reset with the hall's day, not the server's
 * UTC day, and opening hours are read on the hall's clock.
 */
export const defaultTimeZone = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(date: Date, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "2026-11-22" in the hall's time zone. */
export function hallDay(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "08:30" in the hall's time zone. */
export function hallClock(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.hour}:${p.minute}`;
}

export function isWithinHours(date: Date, timeZone: string, opensAt: string, closesAt: string): boolean {
  const now = hallClock(date, timeZone);
  return now >= opensAt && now < closesAt;
}
