import type { Db, ReadDb } from './connection.ts';
import { cached } from './statements.ts';
import { query, queryOne, querySingle, run, sql } from './sql.ts';
import { parseJsonColumn, numberList } from './json-columns.ts';
import type { Row } from './tables.ts';

export type CounterStatus = 'closed' | 'open' | 'paused';

export type CounterSummary = { total: number; open: number; paused: number };

export type CounterRow = {
  id: number;
  number: number;
  name: string;
  status: CounterStatus;
  staffId: number | null;
  pauseReason: string | null;
  statusSince: string | null;
  /** Categories it is restricted to; empty means it serves every category. */
  categoryIds: number[];
};

type Raw = Pick<Row<'counters'>, 'id' | 'number' | 'name' | 'status' | 'staff_id' | 'pause_reason' | 'status_since'> & { category_ids: string | null };

const SELECT = sql`SELECT c.id, c.number, c.name, c.status, c.staff_id, c.pause_reason, c.status_since,
  (SELECT json_group_array(category_id) FROM counter_categories cc WHERE cc.counter_id = c.id) AS category_ids
  FROM counters c`;

const toCounter = (r: Raw): CounterRow => ({
  id: r.id,
  number: r.number,
  name: r.name,
  status: r.status,
  staffId: r.staff_id,
  pauseReason: r.pause_reason,
  statusSince: r.status_since,
  categoryIds: r.category_ids ? parseJsonColumn(numberList, r.category_ids) : [],
});

export function counterSummary(db: ReadDb): CounterSummary {
  return querySingle<CounterSummary>(
    db,
    sql`SELECT count(*) AS total,
            coalesce(sum(status = 'open'), 0) AS open,
            coalesce(sum(status = 'paused'), 0) AS paused
     FROM counters`,
  );
}

/** Open counters that serve a category (those given no categories serve all): one count, not every counter read. */
export function countOpenServing(db: ReadDb, categoryId: number): number {
  return querySingle<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM counters c WHERE c.status = 'open'
         AND (NOT EXISTS (SELECT 1 FROM counter_categories cc WHERE cc.counter_id = c.id)
              OR EXISTS (SELECT 1 FROM counter_categories cc WHERE cc.counter_id = c.id AND cc.category_id = ${categoryId}))`,
  ).n;
}

export function listCounters(db: ReadDb): CounterRow[] {
  return query<Raw>(db, sql`${SELECT} ORDER BY c.number`).map(toCounter);
}

export function getCounter(db: ReadDb, id: number): CounterRow | undefined {
  const raw = queryOne<Raw>(db, sql`${SELECT} WHERE c.id = ${id}`);
  return raw && toCounter(raw);
}

export function saveCounter(db: Db, c: { id?: number | undefined; number: number; name: string; categoryIds: number[]; now: string }): CounterRow {
  let id = c.id;
  if (id === undefined) {
    id = Number(run(db, sql`INSERT INTO counters (number, name, created_at) VALUES (${c.number}, ${c.name}, ${c.now})`).lastInsertRowid);
  } else {
    run(db, sql`UPDATE counters SET number = ${c.number}, name = ${c.name} WHERE id = ${id}`);
  }
  run(db, sql`DELETE FROM counter_categories WHERE counter_id = ${id}`);
  const link = cached(db, 'INSERT INTO counter_categories (counter_id, category_id) VALUES (?, ?)');
  for (const categoryId of new Set(c.categoryIds)) link.run(id, categoryId);
  const saved = getCounter(db, id);
  if (!saved) throw new Error('saved counter vanished');
  return saved;
}

export function setCounterStatus(
  db: Db,
  id: number,
  change: { status: CounterStatus; staffId: number | null; reason: string | null; at: string; event: 'opened' | 'paused' | 'resumed' | 'closed' },
): void {
  run(
    db,
    sql`UPDATE counters SET status = ${change.status}, staff_id = ${change.staffId}, pause_reason = ${change.reason}, status_since = ${change.at} WHERE id = ${id}`,
  );
  run(
    db,
    sql`INSERT INTO counter_events (counter_id, type, at, staff_id, reason) VALUES (${id}, ${change.event}, ${change.at}, ${change.staffId}, ${change.reason})`,
  );
}
