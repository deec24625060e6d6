import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';

export type ImportedYearRow = { year: number; json: string; importedAt: string };
export type CalendarOverrideRow = { day: string; kind: 'holiday' | 'workday'; setAt: string };

export function listImportedYears(db: ReadDb): ImportedYearRow[] {
  return query<ImportedYearRow>(db, sql`SELECT year, json, imported_at AS importedAt FROM calendar_years ORDER BY year`);
}

/** An imported year replaces an earlier import of the same year. */
export function saveImportedYear(db: Db, year: { year: number; json: string; importedAt: string; importedBy: number | null }): void {
  run(
    db,
    sql`INSERT INTO calendar_years (year, json, imported_at, imported_by) VALUES (${year.year}, ${year.json}, ${year.importedAt}, ${year.importedBy})
     ON CONFLICT(year) DO UPDATE SET json = excluded.json, imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
  );
}

export function listCalendarOverrides(db: ReadDb): CalendarOverrideRow[] {
  return query<CalendarOverrideRow>(db, sql`SELECT day, kind, set_at AS setAt FROM calendar_overrides ORDER BY day`);
}

export function getCalendarOverride(db: Db, day: string): CalendarOverrideRow | undefined {
  return queryOne<CalendarOverrideRow>(db, sql`SELECT day, kind, set_at AS setAt FROM calendar_overrides WHERE day = ${day}`);
}

export function setCalendarOverride(db: Db, o: { day: string; kind: 'holiday' | 'workday'; setAt: string; setBy: number | null }): void {
  run(
    db,
    sql`INSERT INTO calendar_overrides (day, kind, set_at, set_by) VALUES (${o.day}, ${o.kind}, ${o.setAt}, ${o.setBy})
     ON CONFLICT(day) DO UPDATE SET kind = excluded.kind, set_at = excluded.set_at, set_by = excluded.set_by`,
  );
}

export function deleteCalendarOverride(db: Db, day: string): void {
  run(db, sql`DELETE FROM calendar_overrides WHERE day = ${day}`);
}
