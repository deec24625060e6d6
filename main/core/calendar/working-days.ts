import { addDays, type Day, isWeekend, yearOf } from '../../../common/calendar-day.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/**
 * Time limits in working days (工作日), as the halls count them:
 *
 * - The day of acceptance is day 0 and never counts, whether or not it is a working day.
 *   An application accepted on day D with a limit of N working days is due at the END of the
 *   N-th working day after D. Accepted on a Saturday or during the Spring Festival (halls do
 *   open on some rest days), counting therefore starts at the next working day, which is day 1:
 *   the same due day as an application accepted on the last working day before the break.
 * - N = 0 means "the same working day" (即办): due at the end of D, or of the next working
 *   day when D is a rest day.
 * - Make-up workdays (调休, e.g. Saturday 2026-02-14) count like any weekday.
 *
 * All days are hall-local "YYYY-MM-DD" strings; a deadline is a day, due at its end.
 */

export function isWorkingDay(day: Day, calendar: WorkingCalendar): boolean {
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  return !isWeekend(day);
}

// Ten years of days: far beyond any time limit, near enough to stop a runaway loop on bad data.
const maxSteps = 3660;

export function nextWorkingDay(day: Day, calendar: WorkingCalendar): Day {
  let d = addDays(day, 1);
  for (let i = 0; !isWorkingDay(d, calendar); i += 1) {
    if (i > maxSteps) throw new RangeError(`no working day within ten years after ${day}`);
    d = addDays(d, 1);
  }
  return d;
}

export function addWorkingDays(start: Day, workingDays: number, calendar: WorkingCalendar): Day {
  if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > maxSteps) {
    throw new RangeError(`a time limit is a whole number of working days from 0 to ${maxSteps}: ${workingDays}`);
  }
  if (workingDays === 0) return isWorkingDay(start, calendar) ? start : nextWorkingDay(start, calendar);
  let d = start;
  for (let i = 0; i < workingDays; i += 1) d = nextWorkingDay(d, calendar);
  return d;
}

/**
 * Working days after `from` up to and including `to`: the inverse of addWorkingDays, so
 * addWorkingDays(from, workingDaysBetween(from, to)) === to whenever `to` is a working day
 * after `from`. Negative when `to` is before `from`; 0 for the same day.
 */
export function workingDaysBetween(from: Day, to: Day, calendar: WorkingCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count += 1;
  return count;
}

export type StageLimit = { code: string; limitWorkingDays: number };
export type StageDeadline = { code: string; due: Day };

/**
 * Stages follow one another, and each stage's deadline is counted from the acceptance day
 * through the limits of all stages up to it, so the last stage is due no later than the whole
 * work order. (Counting each stage from the previous stage's due day would add a day whenever
 * the application was accepted on a rest day.)
 */
export function stageDeadlines(acceptedOn: Day, stages: readonly StageLimit[], calendar: WorkingCalendar): StageDeadline[] {
  let cumulative = 0;
  return stages.map((stage) => {
    cumulative += stage.limitWorkingDays;
    return { code: stage.code, due: addWorkingDays(acceptedOn, cumulative, calendar) };
  });
}

export type DeadlineStatus = 'ok' | 'warning' | 'overdue';

/**
 * `overdue` from the day after the due day; `warning` once no more than
 * `warnBeforeWorkingDays` working days remain after today (1: from the working day before
 * the due day; 0: on the due day itself); `ok` before that.
 */
export function deadlineStatus(today: Day, due: Day, warnBeforeWorkingDays: number, calendar: WorkingCalendar): DeadlineStatus {
  if (today > due) return 'overdue';
  return workingDaysBetween(today, due, calendar) <= warnBeforeWorkingDays ? 'warning' : 'ok';
}

/**
 * True when a period runs into a year whose holidays are not yet published (the State Council
 * announces them around November): its deadline counts only weekends there and may move once
 * the year is imported, so the screen can say the due day is provisional.
 */
export function isProvisional(from: Day, to: Day, calendar: WorkingCalendar): boolean {
  for (let y = yearOf(from); y <= yearOf(to); y += 1) if (!calendar.publishedYears.has(y)) return true;
  return false;
}
