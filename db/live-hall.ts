import type { ReadDb } from './connection.ts';
import { query, querySingle, sql } from './sql.ts';

/** What the manager's live hall reads right now: today's queue, and what is overdue or broken. */

/** Today's waiting tickets per category, with when the longest-waiting one joined the queue. */
export function waitingAges(db: ReadDb, since: string): { categoryId: number; waiting: number; oldestQueuedAt: string }[] {
  return query<{ categoryId: number; waiting: number; oldestQueuedAt: string }>(
    db,
    sql`SELECT category_id AS categoryId, count(*) AS waiting, min(queued_at) AS oldestQueuedAt
       FROM tickets WHERE status = 'waiting' AND queued_at >= ${since} GROUP BY category_id`,
  );
}

/** Today's waiting tickets that joined the queue before `before` (waiting longer than the alert threshold), per category. */
export function waitingSince(db: ReadDb, since: string, before: string): { categoryId: number; n: number }[] {
  return query<{ categoryId: number; n: number }>(
    db,
    sql`SELECT category_id AS categoryId, count(*) AS n FROM tickets
       WHERE status = 'waiting' AND queued_at >= ${since} AND queued_at < ${before} GROUP BY category_id`,
  );
}

/** First calls (not recalls) per hall-local hour since `since`; `offset` is the zone's SQLite modifier. */
export function callsPerHour(db: ReadDb, since: string, offset: string): { hour: number; calls: number }[] {
  return query<{ hour: number; calls: number }>(
    db,
    sql`SELECT CAST(strftime('%H', at, ${offset}) AS INTEGER) AS hour, count(*) AS calls
       FROM ticket_events WHERE at >= ${since} AND type = 'called' GROUP BY hour ORDER BY hour`,
  );
}

/** Open work orders past their due day, oldest first. */
export function overdueWorkOrders(
  db: ReadDb,
  today: string,
  limit: number,
): { count: number; items: { workOrderId: number; utility: string; dueDay: string; caseNumber: string | null }[] } {
  const count = querySingle<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM work_orders WHERE status IN ('accepted', 'dispatched', 'taken') AND due_day < ${today}`,
  ).n;
  const items = query<{ workOrderId: number; utility: string; dueDay: string; caseNumber: string | null }>(
    db,
    sql`SELECT w.id AS workOrderId, w.utility, w.due_day AS dueDay,
            (SELECT m.case_number FROM application_matters m WHERE m.application_id = w.application_id AND m.utility = w.utility ORDER BY m.id LIMIT 1) AS caseNumber
       FROM work_orders w WHERE w.status IN ('accepted', 'dispatched', 'taken') AND w.due_day < ${today} ORDER BY w.due_day, w.id LIMIT ${limit}`,
  );
  return { count, items };
}

/** Deferred materials promised before `today` and still not supplied. */
export function overdueDeferred(db: ReadDb, today: string): number {
  return querySingle<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM application_materials WHERE state = 'deferred' AND promised_date < ${today} AND supplied_at IS NULL`,
  ).n;
}

/**
 * Bad ratings (level ≥ `minLevel`) since `sinceDay` that nobody is working on: no
 * rectification task, or an open task with no one assigned.
 */
export function badRatingsWithoutTask(
  db: ReadDb,
  sinceDay: string,
  minLevel: number,
): { ratingId: number; day: string; level: number; counterId: number | null }[] {
  return query<{ ratingId: number; day: string; level: number; counterId: number | null }>(
    db,
    sql`SELECT g.id AS ratingId, g.day, g.level, g.counter_id AS counterId
       FROM ratings g LEFT JOIN rectifications r ON r.rating_id = g.id
       WHERE g.day >= ${sinceDay} AND g.status = 'rated' AND g.level >= ${minLevel}
         AND (r.id IS NULL OR (r.closed_at IS NULL AND r.assignee_staff_id IS NULL))
       ORDER BY g.day, g.id`,
  );
}

/** Counters whose rating device is disconnected or not answering. */
export function offlineRatingDevices(db: ReadDb): { counterId: number; counterName: string | null; health: string; since: string; description: string }[] {
  return query<{ counterId: number; counterName: string | null; health: string; since: string; description: string }>(
    db,
    sql`SELECT h.counter_id AS counterId, c.name AS counterName, h.health, h.since, h.description
       FROM rating_device_health h LEFT JOIN counters c ON c.id = h.counter_id
       WHERE h.health IN ('disconnected', 'no_answer') ORDER BY c.number`,
  );
}

/** Who reached the daily cap of customer data reveals since `sinceIso`, as "name (work no.)". */
export function staffAtRevealCap(db: ReadDb, sinceIso: string): string[] {
  return query<{ who: string }>(
    db,
    sql`SELECT DISTINCT s.name || ' (' || s.work_no || ')' AS who FROM audit_log a JOIN staff s ON s.id = a.actor_staff_id
        WHERE a.action = 'customers.revealCapReached' AND a.at >= ${sinceIso} ORDER BY who`,
  ).map((r) => r.who);
}
