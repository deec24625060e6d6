import type Database from 'better-sqlite3';
import type { ReadDb } from './connection.ts';

const byConnection = new WeakMap<ReadDb, Map<string, Database.Statement>>();

/**
 * The connection's prepared statement for `sql`, compiled on its first use. Compiling
 * costs more than running most queue queries, and the queue runs a dozen of them for every
 * ticket issued or called: caching took the hall server's CPU per issued ticket from about
 * 4 ms to 3 ms (bench queue.issue.*). Only for SQL text from a fixed set (values bound,
 * never spliced in), and only with get/all/run: a statement being iterated cannot run again
 * meanwhile.
 */
export function cached(db: ReadDb, sql: string): Database.Statement {
  let statements = byConnection.get(db);
  if (!statements) {
    statements = new Map();
    byConnection.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
