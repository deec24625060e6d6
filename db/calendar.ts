import type { Db } from './connection.ts';

export type ImportedYearRow = { year: number; json: string; importedAt: string };
export type CalendarOverrideRow = { day: string; kind: 'holiday' | 'workday'; setAt: string };

export function listImportedYears(db: Db): ImportedYearRow[] {
  return db.prepare('SELECT year, json, imported_at AS importedAt FROM calendar_years ORDER BY year').all() as ImportedYearRow[];
}

/** An imported year replaces an earlier import of the same year. */
export function saveImportedYear(db: Db, year: { year: number; json: string; importedAt: string; importedBy: number | null }): void {
  db.prepare(
    `INSERT INTO calendar_years (year, json, imported_at, imported_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(year) DO UPDATE SET json = excluded.json, imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
  ).run(year.year, year.json, year.importedAt, year.importedBy);
}

export function listCalendarOverrides(db: Db): CalendarOverrideRow[] {
  return db.prepare('SELECT day, kind, set_at AS setAt FROM calendar_overrides ORDER BY day').all() as CalendarOverrideRow[];
}

export function getCalendarOverride(db: Db, day: string): CalendarOverrideRow | undefined {
  return db.prepare('SELECT day, kind, set_at AS setAt FROM calendar_overrides WHERE day = ?').get(day) as CalendarOverrideRow | undefined;
}

export function setCalendarOverride(db: Db, o: { day: string; kind: 'holiday' | 'workday'; setAt: string; setBy: number | null }): void {
  db.prepare(
    `INSERT INTO calendar_overrides (day, kind, set_at, set_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(day) DO UPDATE SET kind = excluded.kind, set_at = excluded.set_at, set_by = excluded.set_by`,
  ).run(o.day, o.kind, o.setAt, o.setBy);
}

export function deleteCalendarOverride(db: Db, day: string): void {
  db.prepare('DELETE FROM calendar_overrides WHERE day = ?').run(day);
}
