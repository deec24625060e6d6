import type { WriteDb } from './connection.ts';
import { run, type Sql, type SqlValue } from './sql.ts';
import type { Row, TableName } from './tables.ts';

/** A table's or column's name as tables.ts spells them; anything else never reaches a statement. */
const identifier = /^[a-z][a-z0-9_]*$/;

function checked(name: string): string {
  if (!identifier.test(name)) throw new Error(`not a column name: ${JSON.stringify(name)}`);
  return name;
}

/**
 * The statement that puts a whole row in its table: inserted, or where a row with the same key is
 * already there, every other column replaced. The names are the table's and the row's own keys —
 * a row type of tables.ts, so each is a column the schema has (tables.test.ts), and each is
 * checked to be a plain identifier before it is written into the text; every value is bound.
 * One statement text per table and key, so the statement cache compiles each once.
 */
export function upsertSql<T extends TableName>(table: T, key: readonly (keyof Row<T> & string)[], row: Row<T> & Readonly<Record<string, SqlValue>>): Sql {
  const entries = Object.entries(row);
  const columns = entries.map(([column]) => checked(column));
  const keyColumns: readonly string[] = key;
  const replaced = columns.filter((column) => !keyColumns.includes(column));
  const update = replaced.length === 0 ? 'NOTHING' : `UPDATE SET ${replaced.map((column) => `${column} = excluded.${column}`).join(', ')}`;
  return {
    text: `INSERT INTO ${checked(table)} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (${keyColumns.map(checked).join(', ')}) DO ${update}`,
    params: entries.map(([, value]) => value),
  };
}

/** Saves a whole row: a new one inserted, an existing one (by `key`) replaced column by column. */
export function upsertRow<T extends TableName>(
  db: WriteDb,
  table: T,
  key: readonly (keyof Row<T> & string)[],
  row: Row<T> & Readonly<Record<string, SqlValue>>,
): void {
  run(db, upsertSql(table, key, row));
}
