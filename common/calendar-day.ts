/**
 * Calendar days as "YYYY-MM-DD" strings in the hall's time zone. Deadlines are whole days on
 * the hall's wall calendar, so days are compared and stepped as dates, never as instants:
 * arithmetic runs in UTC where no clock change can shift a day.
 */
export type Day = string;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: string): boolean {
  const m = dayPattern.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toUtc(day: Day): Date {
  if (!isDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  return new Date(`${day}T00:00:00Z`);
}

export const addDays = (day: Day, days: number): Day => {
  const date = toUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** 0 Sunday … 6 Saturday. */
export const weekday = (day: Day): number => toUtc(day).getUTCDay();

export const isWeekend = (day: Day): boolean => {
  const w = weekday(day);
  return w === 0 || w === 6;
};

export const yearOf = (day: Day): number => Number(day.slice(0, 4));

/** The month before "2026-01" is "2025-12". */
export function previousMonth(month: string): string {
  return addDays(`${month}-01`, -1).slice(0, 7);
}
