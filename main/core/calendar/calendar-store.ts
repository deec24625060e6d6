import { listCalendarOverrides, listImportedYears } from '../../../db/calendar.ts';
import type { ReadDb } from '../../../db/connection.ts';
import { buildCalendar, type DayOverride, officialArrangements, type WorkingCalendar, type YearArrangement } from './working-calendar.ts';

// The package's years never change while the process runs; validating them costs a few milliseconds.
let shipped: YearArrangement[] | undefined;
const shippedYears = (): YearArrangement[] => {
  shipped ??= officialArrangements();
  return shipped;
};

/** Imported years as stored; each was validated by importYearArrangement before it was saved. */
export function importedArrangements(db: ReadDb): YearArrangement[] {
  return listImportedYears(db).map((row) => {
    const arrangement = JSON.parse(row.json) as YearArrangement;
    return arrangement;
  });
}

/**
 * The hall's working calendar, read afresh on every call: a manager's mark takes effect on
 * the next deadline computed, in every process that shares the database. The rows are few
 * (imported years and single days), so this costs well under a millisecond.
 */
export function loadCalendar(db: ReadDb): WorkingCalendar {
  const overrides: DayOverride[] = listCalendarOverrides(db).map((o) => ({ date: o.day, kind: o.kind }));
  return buildCalendar([...shippedYears(), ...importedArrangements(db)], overrides);
}
