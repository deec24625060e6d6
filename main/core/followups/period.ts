import { z } from 'zod';
import { addDays, type Day } from '../../../common/calendar-day.ts';

/** A month of follow-ups, "YYYY-MM". */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'field.monthFormat' });

export const firstDayOf = (period: string): Day => `${period}-01`;

export function lastDayOf(period: string): Day {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}
