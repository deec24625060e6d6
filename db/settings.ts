import type { Db, ReadDb } from './connection.ts';
import { queryOne, run, sql } from './sql.ts';

export function getSetting(db: ReadDb, key: string): string | undefined {
  const row = queryOne<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`);
  return row?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  run(db, sql`INSERT INTO settings (key, value) VALUES (${key}, ${value}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
}

export function deleteSetting(db: Db, key: string): void {
  run(db, sql`DELETE FROM settings WHERE key = ${key}`);
}
