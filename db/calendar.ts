import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';
import { upsertRow } from './upsert-row.ts';

export type ImportedYearRow = { year: number; json: string; importedAt: string };
export type CalendarOverrideRow = { day: string; kind: 'holiday' | 'workday'; setAt: string };

export function listImportedYears(db: ReadDb): ImportedYearRow[] {
  return query<ImportedYearRow>(db, sql`SELECT year, json, imported_at AS importedAt FROM calendar_years ORDER BY year`);
}

/** An imported year replaces an earlier import of the same year. */
export function saveImportedYear(db: Db, year: { year: number; json: string; importedAt: string; importedBy: number | null }): void {
  upsertRow(db, 'calendar_years', ['year'], { year: year.year, json: year.json, imported_at: year.importedAt, imported_by: year.importedBy });
}

export function listCalendarOverrides(db: ReadDb): CalendarOverrideRow[] {
  return query<CalendarOverrideRow>(db, sql`SELECT day, kind, set_at AS setAt FROM calendar_overrides ORDER BY day`);
}

export function getCalendarOverride(db: Db, day: string): CalendarOverrideRow | undefined {
  return queryOne<CalendarOverrideRow>(db, sql`SELECT day, kind, set_at AS setAt FROM calendar_overrides WHERE day = ${day}`);
}

export function setCalendarOverride(db: Db, o: { day: string; kind: 'holiday' | 'workday'; setAt: string; setBy: number | null }): void {
  upsertRow(db, 'calendar_overrides', ['day'], { day: o.day, kind: o.kind, set_at: o.setAt, set_by: o.setBy });
}

export function deleteCalendarOverride(db: Db, day: string): void {
  run(db, sql`DELETE FROM calendar_overrides WHERE day = ${day}`);
}
