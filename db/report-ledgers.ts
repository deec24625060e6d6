import type { ReadDb } from './connection.ts';
import { queryOne, sql } from './sql.ts';

/** Whether a table exists: a report reads a ledger only once its migration has run. */
export function hasTable(db: ReadDb, name: string): boolean {
  return queryOne<{ 1: number }>(db, sql`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ${name}`) !== undefined;
}
