import { z } from 'zod';
import { addDays, type Day } from '../../../common/calendar-day.ts';

/** A month of follow-ups, "YYYY-MM". */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'field.monthFormat' });

export const firstDayOf = (period: string): Day => `${period}-01`;

export function lastDayOf(period: string): Day {
  // periodSchema has checked the form YYYY-MM.
  const [y = 0, m = 0] = period.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}
