import type { ReadDb, WriteDb } from './connection.ts';
import { cached } from './statements.ts';

/**
 * The typed way to SQL: `query<Row>(db, sql`SELECT … WHERE id = ${id}`)`.
 *
 * Every `${value}` becomes a `?` with the value bound, so nothing a caller passes can change
 * a statement's text; a `${fragment}` made by `sql` itself is spliced in (a shared SELECT, a
 * fixed filter), so identifiers and SQL come only from our own templates. The text of every
 * statement therefore comes from a fixed set and the connection's statement cache (statements.ts)
 * compiles each once.
 *
 * Naming: a table's row type is its columns as they are, snake_case (tables.ts, checked against
 * PRAGMA table_info by tables.test.ts): `SELECT *` and `RETURNING` give exactly that, with no
 * alias to keep in step, and each repository maps it to its camelCase domain type once. A query
 * that returns something that is not a table's row (a count, a join, a report's sums) declares
 * its own result type beside it.
 *
 * The generic is where the row type is asserted, once, here: the database cannot tell
 * TypeScript what a statement returns, and tables.test.ts is what keeps the two in step.
 */

/** What better-sqlite3 binds (not booleans, not undefined: a missing value is an explicit null). */
export type SqlValue = string | number | bigint | Uint8Array | null;

export type Sql = { readonly text: string; readonly params: readonly SqlValue[] };

const isSql = (value: SqlValue | Sql): value is Sql => typeof value === 'object' && value !== null && !(value instanceof Uint8Array);

export function sql(strings: TemplateStringsArray, ...values: readonly (SqlValue | Sql)[]): Sql {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((value, i) => {
    if (isSql(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return { text, params };
}

/**
 * SQL text written as a constant in this codebase and shared between statements, spliced in as
 * is: a migration's expression that a query must repeat word for word to use its index. Only a
 * literal type passes: `string` (anything computed at run time) is a type error.
 */
export function fixedSql<Text extends string>(text: string extends Text ? never : Text): Sql {
  return { text, params: [] };
}

/** Fragments joined by `separator` (a `, ` or ` AND `), e.g. a SET list built from a fixed column map. */
export function joinSql(fragments: readonly Sql[], separator: string): Sql {
  return { text: fragments.map((f) => f.text).join(separator), params: fragments.flatMap((f) => f.params) };
}

/** Every row. */
export function query<Row>(db: ReadDb, q: Sql): Row[] {
  return cached(db, q.text).all(...q.params) as Row[];
}

/** The first row, or undefined. */
export function queryOne<Row>(db: ReadDb, q: Sql): Row | undefined {
  return cached(db, q.text).get(...q.params) as Row | undefined;
}

/** The one row a query always gives (an aggregate); none is a bug, and throws. */
export function querySingle<Row>(db: ReadDb, q: Sql): Row {
  const row = queryOne<Row>(db, q);
  if (row === undefined) throw new Error(`no row from: ${q.text}`);
  return row;
}

/** Every row as an array of its columns in order (`SELECT a, b` → [a, b]): for the report loops over many rows. */
export function queryTuples<Tuple extends readonly unknown[]>(db: ReadDb, q: Sql): Tuple[] {
  const statement = cached(db, q.text);
  // The cached statement is shared: back to objects for whoever runs the same text next.
  try {
    return statement.raw(true).all(...q.params) as Tuple[];
  } finally {
    statement.raw(false);
  }
}

/** The rows one at a time, for a walk over a whole table (not cached: an iterated statement cannot run again until it is done). */
export function iterate<Row>(db: ReadDb, q: Sql): IterableIterator<Row> {
  return db.prepare(q.text).iterate(...q.params) as IterableIterator<Row>;
}

/** A write: how many rows changed and the last inserted rowid. Only a writable connection. */
export function run(db: WriteDb, q: Sql): { changes: number; lastInsertRowid: number } {
  const info = cached(db, q.text).run(...q.params);
  return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
}

/** A write that answers rows (RETURNING): only a writable connection, like `run`. */
export function runReturning<Row>(db: WriteDb, q: Sql): Row[] {
  return query<Row>(db, q);
}

/** A write that answers at most one row (RETURNING); undefined when it changed nothing. */
export function runReturningOne<Row>(db: WriteDb, q: Sql): Row | undefined {
  return queryOne<Row>(db, q);
}
