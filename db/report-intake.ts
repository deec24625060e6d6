import type { ReadDb } from './connection.ts';
import { query, querySingle, queryTuples, sql } from './sql.ts';

/** Intake's records for reports: applications, matters, deferred materials and fees of a period (instants [start, end)). */

/**
 * Every matter (case number) of the applications submitted in [start, end): [applicationId,
 * catalogueVersion, utility, businessCode], an application's matters together. One pass
 * gives a report its applications and businesses per utility; GROUP BYs over the same join
 * cost more (bench reports.*). Read from the covering indexes of migration 0008.
 */
export type MatterRow = [applicationId: number, catalogueVersion: number, utility: string, businessCode: string];

export function matterRows(db: ReadDb, startIso: string, endIso: string): MatterRow[] {
  return queryTuples<MatterRow>(
    db,
    sql`SELECT a.id, a.catalogue_version, m.utility, m.business_code
       FROM applications a JOIN application_matters m ON m.application_id = a.id
       WHERE a.submitted_at >= ${startIso} AND a.submitted_at < ${endIso}`,
  );
}

export function countApplications(db: ReadDb, startIso: string, endIso: string): number {
  return querySingle<{ n: number }>(db, sql`SELECT count(*) AS n FROM applications WHERE submitted_at >= ${startIso} AND submitted_at < ${endIso}`).n;
}

export type DeferredFigures = {
  /** Promised for a day of the period. */
  due: number;
  /** Of those, supplied before the period ended. */
  dueSupplied: number;
  /** Promised before the period and still outstanding when it ended. */
  overdueEarlier: number;
  /** Supplied during the period, whatever their promised day. */
  suppliedInPeriod: number;
};

export function deferredFigures(db: ReadDb, q: { from: string; to: string; startIso: string; endIso: string }): DeferredFigures {
  const due = querySingle<{ due: number; dueSupplied: number }>(
    db,
    sql`SELECT count(*) AS due, coalesce(sum(supplied_at IS NOT NULL AND supplied_at < ${q.endIso}), 0) AS dueSupplied
       FROM application_materials WHERE state = 'deferred' AND promised_date BETWEEN ${q.from} AND ${q.to}`,
  );
  const overdue = querySingle<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM application_materials
       WHERE state = 'deferred' AND promised_date < ${q.from} AND (supplied_at IS NULL OR supplied_at >= ${q.endIso})`,
  );
  const supplied = querySingle<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM application_materials WHERE state = 'deferred' AND supplied_at >= ${q.startIso} AND supplied_at < ${q.endIso}`,
  );
  return { due: due.due, dueSupplied: due.dueSupplied, overdueEarlier: overdue.n, suppliedInPeriod: supplied.n };
}

/** Fees charged (included lines) per utility, in fen. CROSS JOIN keeps the period's applications as the outer loop: left to itself the planner scanned every fee line ever. */
export function feesByUtility(db: ReadDb, startIso: string, endIso: string): { utility: string; amountFen: number; lines: number; applications: number }[] {
  return query<{ utility: string; amountFen: number; lines: number; applications: number }>(
    db,
    sql`SELECT f.utility, sum(f.amount_fen) AS amountFen, count(*) AS lines, count(DISTINCT f.application_id) AS applications
       FROM applications a CROSS JOIN fee_lines f ON f.application_id = a.id
       WHERE a.submitted_at >= ${startIso} AND a.submitted_at < ${endIso} AND f.included = 1
       GROUP BY f.utility ORDER BY f.utility`,
  );
}
