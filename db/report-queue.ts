import type { ReadDb } from './connection.ts';
import { SERVICE_MS_SQL, WAIT_MS_SQL } from './migrations/0007-ticket-times.ts';
import { fixedSql, query, queryTuples, sql } from './sql.ts';

/**
 * The queue's records for reports (日报, 月报). Read-only; every figure is computed from
 * the tickets as they are, so a report for any past period can be recomputed.
 */

/**
 * Tickets of the hall days `from`..`to` counted per day, category and status: [day,
 * categoryId, status, n]. Grouped in the order of the index tickets_day_times, so SQLite
 * counts as it walks the index, with no sort and no row for JavaScript per ticket.
 */
export type TicketCountRow = [day: string, categoryId: number, status: string, n: number];

export function ticketCounts(db: ReadDb, from: string, to: string): TicketCountRow[] {
  return queryTuples<TicketCountRow>(
    db,
    sql`SELECT day, category_id, status, count(*) FROM tickets INDEXED BY tickets_day_times WHERE day BETWEEN ${from} AND ${to} GROUP BY day, category_id, status`,
  );
}

/**
 * Tickets of the hall days `from`..`to` that were transferred to another category: [day,
 * issuedCategoryId, categoryId, n]. Few rows, read through the partial index of migration 0010.
 */
export type TransferCountRow = [day: string, issuedCategoryId: number, categoryId: number, n: number];

export function transferCounts(db: ReadDb, from: string, to: string): TransferCountRow[] {
  return queryTuples<TransferCountRow>(
    db,
    sql`SELECT day, issued_category_id, category_id, count(*) FROM tickets INDEXED BY tickets_transferred
      WHERE day BETWEEN ${from} AND ${to} AND issued_category_id <> category_id GROUP BY day, issued_category_id, category_id`,
  );
}

/**
 * One row per served ticket of the hall days `from`..`to`: [id, counterId, staffId, waitMs,
 * serviceMs]. Wait runs from entering the queue (issue, requeue after a no-show, transfer:
 * docs/queue-rule.md) to the call that served it, service from the start (or the call) to the
 * finish. Arrays, not objects: a month is over half a million rows and objects cost twice.
 */
export type ServedTimesRow = [id: number, counterId: number | null, staffId: number | null, waitMs: number | null, serviceMs: number | null];

export function servedTimes(db: ReadDb, from: string, to: string): ServedTimesRow[] {
  return queryTuples<ServedTimesRow>(
    db,
    // The same expressions as the index tickets_day_times (migration 0007): the whole read is
    // answered from the index.
    sql`SELECT id, counter_id, staff_id, ${fixedSql(WAIT_MS_SQL)}, ${fixedSql(SERVICE_MS_SQL)}
       FROM tickets INDEXED BY tickets_day_times WHERE day BETWEEN ${from} AND ${to} AND status = 'done'`,
  );
}

export type HourCount = { hour: number; issued: number; served: number };

/**
 * Tickets issued and served per hall-local hour. `offset` is an SQLite modifier for the
 * hall's zone ("+480 minutes"), fixed by the caller from the zone.
 */
export function ticketsPerHour(db: ReadDb, from: string, to: string, offset: string): HourCount[] {
  const issued = query<{ hour: number; n: number }>(
    db,
    sql`SELECT CAST(strftime('%H', issued_at, ${offset}) AS INTEGER) AS hour, count(*) AS n FROM tickets WHERE day BETWEEN ${from} AND ${to} GROUP BY hour`,
  );
  const served = query<{ hour: number; n: number }>(
    db,
    sql`SELECT CAST(strftime('%H', finished_at, ${offset}) AS INTEGER) AS hour, count(*) AS n FROM tickets WHERE day BETWEEN ${from} AND ${to} AND status = 'done' GROUP BY hour`,
  );
  const hours = new Map<number, HourCount>();
  const at = (hour: number): HourCount => {
    let count = hours.get(hour);
    if (!count) hours.set(hour, (count = { hour, issued: 0, served: 0 }));
    return count;
  };
  for (const r of issued) at(r.hour).issued = r.n;
  for (const r of served) at(r.hour).served = r.n;
  return [...hours.values()].sort((a, b) => a.hour - b.hour);
}

/** Names for the ids a report shows: counters and staff, including those since removed or renamed. */
export function counterNames(db: ReadDb): { id: number; number: number; name: string }[] {
  return query<{ id: number; number: number; name: string }>(db, sql`SELECT id, number, name FROM counters ORDER BY number`);
}

export function staffNames(db: ReadDb): { id: number; workNo: string; name: string }[] {
  return query<{ id: number; workNo: string; name: string }>(db, sql`SELECT id, work_no AS workNo, name FROM staff ORDER BY work_no`);
}

export function categoryNames(db: ReadDb): { id: number; prefix: string; nameZh: string; nameEn: string; sortOrder: number }[] {
  return query<{
    id: number;
    prefix: string;
    nameZh: string;
    nameEn: string;
    sortOrder: number;
  }>(db, sql`SELECT id, prefix, name_zh AS nameZh, name_en AS nameEn, sort_order AS sortOrder FROM categories ORDER BY sort_order, prefix`);
}

/**
 * The bench's baseline: the per-counter, clerk and category figures as one bare SQL
 * aggregate (counts, average wait and service; SQLite has no percentile), read through the
 * day index (after ANALYZE the planner would rather walk tickets_counter over every ticket).
 */
export function rawCounterAggregate(db: ReadDb, from: string, to: string): unknown[] {
  return query<unknown>(
    db,
    sql`SELECT counter_id, staff_id, category_id, count(*), sum(status = 'done'), sum(status = 'no_show'),
              avg(CASE WHEN status = 'done' THEN julianday(called_at) - julianday(queued_at) END) * 86400,
              avg(CASE WHEN status = 'done' THEN julianday(finished_at) - julianday(coalesce(started_at, called_at)) END) * 86400
         FROM tickets INDEXED BY tickets_day WHERE day BETWEEN ${from} AND ${to} GROUP BY counter_id, staff_id, category_id`,
  );
}
