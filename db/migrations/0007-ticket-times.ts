import type { Migration } from './migration.ts';

/**
 * The wait and service time of a served ticket, in ms, as SQL over its stored instants: wait
 * from entering the queue to the call that served it, service from the start (or the call)
 * to the finish. The reports select these exact expressions, so SQLite answers them from the
 * index below instead of parsing four ISO strings per ticket (a month is 600,000 tickets).
 * Imported by db/report-queue.ts: the expressions in the index and in the query cannot differ.
 */
export const WAIT_MS_SQL = `(CASE WHEN status = 'done' AND called_at IS NOT NULL THEN CAST(round((julianday(called_at) - julianday(queued_at)) * 86400000.0) AS INTEGER) END)`;
export const SERVICE_MS_SQL = `(CASE WHEN status = 'done' THEN CAST(round((julianday(finished_at) - julianday(coalesce(started_at, called_at))) * 86400000.0) AS INTEGER) END)`;

/**
 * A covering index on expressions rather than generated columns: SQLite recomputes a VIRTUAL
 * column from the row even when an index holds it, while an indexed expression is read from
 * the index; and a STORED column cannot be added to an existing table.
 */
export const migration0007 = {
  version: 7,
  name: 'ticket-times',
  up(db) {
    db.exec(`CREATE INDEX tickets_day_times ON tickets(day, category_id, status, counter_id, staff_id, ${WAIT_MS_SQL}, ${SERVICE_MS_SQL})`);
  },
} satisfies Migration;
