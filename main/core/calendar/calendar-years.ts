import { type Day, yearOf } from '../../../common/calendar-day.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/**
 * The State Council publishes the next year's holidays around November; from the first of
 * that month a hall is expected to have them (the package's update or an import).
 */
const NEXT_YEAR_DUE_FROM_MONTH = 11;

/**
 * The years a hall needs and does not have: this year always, next year from 1 November.
 * Deadlines counted into such a year know only weekends there, so the manager's desk and
 * the daily report say so until the year is imported.
 */
export function missingCalendarYears(today: Day, calendar: WorkingCalendar): number[] {
  const year = yearOf(today);
  const needed = Number(today.slice(5, 7)) >= NEXT_YEAR_DUE_FROM_MONTH ? [year, year + 1] : [year];
  return needed.filter((y) => !calendar.publishedYears.has(y));
}
