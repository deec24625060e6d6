import type { Db } from './connection.ts';
import { fixedSql, runReturningOne, sql } from './sql.ts';

/** The counters kept per prefix and hall-local day: ticket numbers, and case numbers. Both have the columns (day, prefix, last_seq). */
type DaySequenceTable = 'ticket_sequences' | 'case_sequences';

/** The next number for a prefix on a hall-local day, starting at 1; call inside the transaction that uses it. */
export function nextDaySequence(db: Db, table: DaySequenceTable, day: string, prefix: string): number {
  const row = runReturningOne<{ last_seq: number }>(
    db,
    sql`INSERT INTO ${fixedSql(table)} (day, prefix, last_seq) VALUES (${day}, ${prefix}, 1)
       ON CONFLICT(day, prefix) DO UPDATE SET last_seq = last_seq + 1
       RETURNING last_seq`,
  );
  // An upsert with RETURNING always answers its row.
  if (!row) throw new Error(`${table}: sequence not returned`);
  return row.last_seq;
}
