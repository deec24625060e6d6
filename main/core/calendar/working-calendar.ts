import officialData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { z } from 'zod';
import type { Result } from '../api/errors.ts';
import { type Day, isDay, isWeekend, yearOf } from '../../../common/calendar-day.ts';
import { parseJsonImport } from '../api/json-import.ts';

/**
 * Which days are working days. Weekdays work and weekends rest, except the State Council's
 * yearly arrangement of public holidays (节假日) and make-up workdays (调休上班, always a
 * Saturday or Sunday). The arrangement for each year ships with the `chinese-days` package;
 * the State Council publishes the next year's around November, so a hall may import it before
 * the package is updated, and a manager may mark single days (a local holiday, a hall closed
 * for works, a correction) on top of both.
 */

/** The official arrangement of one year, in the simple form a manager imports. */
export type YearArrangement = { year: number; holidays: Day[]; workdays: Day[] };

/** A manager's mark on one day; removing the mark restores the arrangement. */
export type DayOverride = { date: Day; kind: 'holiday' | 'workday' };

export type WorkingCalendar = {
  /** Rest days that are not weekends or are weekends inside a holiday. */
  holidays: ReadonlySet<Day>;
  /** Weekend days that are worked (调休). */
  workdays: ReadonlySet<Day>;
  /** Years whose arrangement is known; outside them only weekends are rest days. */
  publishedYears: ReadonlySet<number>;
};

// The package's file maps each date to "English name,中文名,n"; only the dates matter here.
const packageFileSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

/** Every year the installed `chinese-days` ships (2004 onwards), one arrangement per year. */
export function officialArrangements(): YearArrangement[] {
  const data = packageFileSchema.parse(officialData);
  const byYear = new Map<number, YearArrangement>();
  const entry = (year: number) => {
    let found = byYear.get(year);
    if (!found) {
      found = { year, holidays: [], workdays: [] };
      byYear.set(year, found);
    }
    return found;
  };
  for (const day of Object.keys(data.holidays)) entry(yearOf(day)).holidays.push(day);
  for (const day of Object.keys(data.workdays)) entry(yearOf(day)).workdays.push(day);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * Arrangements later in the list replace earlier ones of the same year (an imported year
 * replaces the shipped one, it is not merged with it); overrides apply last.
 */
export function buildCalendar(arrangements: readonly YearArrangement[], overrides: readonly DayOverride[] = []): WorkingCalendar {
  const byYear = new Map<number, YearArrangement>();
  for (const a of arrangements) byYear.set(a.year, a);
  const holidays = new Set<Day>();
  const workdays = new Set<Day>();
  for (const a of byYear.values()) {
    for (const d of a.holidays) holidays.add(d);
    for (const d of a.workdays) workdays.add(d);
  }
  for (const o of overrides) {
    if (o.kind === 'holiday') {
      holidays.add(o.date);
      workdays.delete(o.date);
    } else {
      workdays.add(o.date);
      holidays.delete(o.date);
    }
  }
  return { holidays, workdays, publishedYears: new Set(byYear.keys()) };
}

/** The calendar a hall starts with: the package's years, then imported years, then the manager's marks. */
export const hallCalendar = (imported: readonly YearArrangement[] = [], overrides: readonly DayOverride[] = []): WorkingCalendar =>
  buildCalendar([...officialArrangements(), ...imported], overrides);

// ---------------------------------------------------------------- validation of what a manager enters

export const daySchema = z.string().refine(isDay, { message: 'field.dayFormat' });

/**
 * The `chinese-days` package publishes each year as { holidays: { date: name }, workdays: {…} }
 * with no year field; a manager may import that file as it is, or the plain lists.
 */
const dayList = (min: number) =>
  z.preprocess(
    (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : value),
    z.array(daySchema).min(min).max(366),
  );

export const yearArrangementSchema = z
  .preprocess(
    (value) => {
      if (value === null || typeof value !== 'object' || 'year' in value) return value;
      // No year given: take it from the first holiday, as the package's per-year file implies.
      const holidays = 'holidays' in value ? value.holidays : undefined;
      const first: unknown = Array.isArray(holidays) ? holidays[0] : holidays && typeof holidays === 'object' ? Object.keys(holidays)[0] : undefined;
      return typeof first === 'string' && isDay(first) ? { ...value, year: yearOf(first) } : value;
    },
    z.object({
      year: z.number().int().min(2000).max(2100),
      // Every year since 1999 has had public holidays; an empty list is a wrong file.
      holidays: dayList(1),
      workdays: dayList(0),
    }),
  )
  .superRefine((a, ctx) => {
    const check = (list: 'holidays' | 'workdays') =>
      a[list].forEach((day, i) => {
        if (yearOf(day) !== a.year) ctx.addIssue({ code: 'custom', path: [list, i], message: 'field.dayOutsideYear' });
      });
    check('holidays');
    check('workdays');
    const holidays = new Set(a.holidays);
    a.workdays.forEach((day, i) => {
      // A date that is no date at all has its own issue already (field.dayFormat).
      if (!isDay(day)) return;
      if (holidays.has(day)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: 'field.dayBothHolidayAndWorkday' });
      // A make-up workday on a weekday changes nothing; it is almost always a mistyped date.
      else if (!isWeekend(day)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: 'field.workdayNotWeekend' });
    });
  })
  .overwrite((a) => ({ year: a.year, holidays: [...new Set(a.holidays)].sort(), workdays: [...new Set(a.workdays)].sort() }));

/** A year file as the manager uploads it: JSON text, checked; errors name the date that is wrong. */
export const importYearArrangement = (text: string): Result<YearArrangement> =>
  parseJsonImport(text, yearArrangementSchema, 'errors.intake.calendarYearInvalid');
