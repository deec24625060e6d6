/**
 * A month of the working calendar as a grid: weeks from Monday (as Chinese calendars print
 * them), each day resting or working by the hall's calendar (holidays, make-up workdays,
 * weekends). Pure arithmetic on day numbers: no Date objects, so no PC clock or zone.
 */

export type DayCell = { date: string; day: number; weekend: boolean; rest: boolean; holiday: boolean; workday: boolean; override: boolean };

const pad = (n: number): string => String(n).padStart(2, '0');

/** 0 = Monday … 6 = Sunday. 1970-01-01 (day 0) was a Thursday. */
export function weekdayOf(year: number, month: number, day: number): number {
  const days = Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
  return (((days + 3) % 7) + 7) % 7;
}

export const daysInMonth = (year: number, month: number): number => Math.round((Date.UTC(year, month, 1) - Date.UTC(year, month - 1, 1)) / 86_400_000);

/** The month's weeks; null where a week starts before the 1st or runs past the last day. */
export function monthWeeks(
  year: number,
  month: number,
  calendar: { holidays: readonly string[]; workdays: readonly string[]; overrides: readonly { date: string }[] },
): (DayCell | null)[][] {
  const holidays = new Set(calendar.holidays);
  const workdays = new Set(calendar.workdays);
  const overrides = new Set(calendar.overrides.map((o) => o.date));
  const cells: (DayCell | null)[] = Array.from({ length: weekdayOf(year, month, 1) }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day++) {
    const date = `${year}-${pad(month)}-${pad(day)}`;
    const weekend = weekdayOf(year, month, day) >= 5;
    const holiday = holidays.has(date);
    const workday = workdays.has(date);
    cells.push({ date, day, weekend, holiday, workday, rest: holiday || (weekend && !workday), override: overrides.has(date) });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** The month before or after, across a year's end. */
export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
