import type { ReadDb } from './connection.ts';
import { cached } from './statements.ts';

/** Whether a table exists: a report reads a ledger only once its migration has run. */
export function hasTable(db: ReadDb, name: string): boolean {
  return cached(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}
