import type { Db } from './connection.ts';
import { SERVICE_MS_SQL, WAIT_MS_SQL } from './migrations/0007-ticket-times.ts';
import { cached } from './statements.ts';

/**
 * The queue's records for reports (日报, 月报). Read-only; every figure is computed from
 * the tickets as they are, so a report for any past period can be recomputed.
 */

/**
 * One row per ticket of the hall days `from`..`to`: [id, categoryId, outcome, counterId,
 * staffId, waitMs, serviceMs]. outcome: 1 served, 2 no-show, 0 neither (never called, or
 * left at a counter). Times are of served tickets only: wait from entering the queue
 * (issue, requeue after a no-show, transfer: docs/queue-rule.md) to the call that served
 * it, service from the start (or the call) to the finish. Arrays, not objects: a month is 600,000 rows and objects cost twice.
 */
export type TicketTimesRow = [id: number, categoryId: number, outcome: 0 | 1 | 2, counterId: number | null, staffId: number | null, waitMs: number | null, serviceMs: number | null];

export function ticketTimes(db: Db, from: string, to: string): TicketTimesRow[] {
  return cached(
    db,
    // The same expressions as the index tickets_day_times (migration 0007): the whole read is
    // answered from the index.
    `SELECT id, category_id, CASE status WHEN 'done' THEN 1 WHEN 'no_show' THEN 2 ELSE 0 END, counter_id, staff_id, ${WAIT_MS_SQL}, ${SERVICE_MS_SQL}
       FROM tickets INDEXED BY tickets_day_times WHERE day BETWEEN ? AND ?`,
  )
    .raw(true)
    .all(from, to) as TicketTimesRow[];
}

export type HourCount = { hour: number; issued: number; served: number };

/**
 * Tickets issued and served per hall-local hour. `offset` is an SQLite modifier for the
 * hall's zone ("+480 minutes"), fixed by the caller from the zone.
 */
export function ticketsPerHour(db: Db, from: string, to: string, offset: string): HourCount[] {
  const issued = cached(
    db,
    `SELECT CAST(strftime('%H', issued_at, ?) AS INTEGER) AS hour, count(*) AS n FROM tickets WHERE day BETWEEN ? AND ? GROUP BY hour`,
  ).all(offset, from, to) as { hour: number; n: number }[];
  const served = cached(
    db,
    `SELECT CAST(strftime('%H', finished_at, ?) AS INTEGER) AS hour, count(*) AS n FROM tickets WHERE day BETWEEN ? AND ? AND status = 'done' GROUP BY hour`,
  ).all(offset, from, to) as { hour: number; n: number }[];
  const hours = new Map<number, HourCount>();
  const at = (hour: number) => hours.get(hour) ?? (hours.set(hour, { hour, issued: 0, served: 0 }).get(hour) as HourCount);
  for (const r of issued) at(r.hour).issued = r.n;
  for (const r of served) at(r.hour).served = r.n;
  return [...hours.values()].sort((a, b) => a.hour - b.hour);
}

/** Names for the ids a report shows: counters and staff, including those since removed or renamed. */
export function counterNames(db: Db): { id: number; number: number; name: string }[] {
  return cached(db, 'SELECT id, number, name FROM counters ORDER BY number').all() as { id: number; number: number; name: string }[];
}

export function staffNames(db: Db): { id: number; workNo: string; name: string }[] {
  return cached(db, 'SELECT id, work_no AS workNo, name FROM staff ORDER BY work_no').all() as { id: number; workNo: string; name: string }[];
}

export function categoryNames(db: Db): { id: number; prefix: string; nameZh: string; nameEn: string; sortOrder: number }[] {
  return cached(db, 'SELECT id, prefix, name_zh AS nameZh, name_en AS nameEn, sort_order AS sortOrder FROM categories ORDER BY sort_order, prefix').all() as {
    id: number;
    prefix: string;
    nameZh: string;
    nameEn: string;
    sortOrder: number;
  }[];
}

/**
 * The bench's baseline: the per-counter, clerk and category figures as one bare SQL
 * aggregate (counts, average wait and service; SQLite has no percentile), read through the
 * day index (after ANALYZE the planner would rather walk tickets_counter over every ticket).
 */
export function rawCounterAggregate(db: Db, from: string, to: string): unknown[] {
  return db
    .prepare(
      `SELECT counter_id, staff_id, category_id, count(*), sum(status = 'done'), sum(status = 'no_show'),
              avg(CASE WHEN status = 'done' THEN julianday(called_at) - julianday(queued_at) END) * 86400,
              avg(CASE WHEN status = 'done' THEN julianday(finished_at) - julianday(coalesce(started_at, called_at)) END) * 86400
         FROM tickets INDEXED BY tickets_day WHERE day BETWEEN ? AND ? GROUP BY counter_id, staff_id, category_id`,
    )
    .all(from, to);
}
