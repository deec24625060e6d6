import type { ReadDb } from './connection.ts';
import { query, querySingle, sql } from './sql.ts';

export type SyncRunFigures = {
  utility: string;
  runs: number;
  succeeded: number;
  failed: number;
  sent: number;
  accepted: number;
  rejected: number;
  lastState: string | null;
  lastError: string | null;
};

/** The nightly sync's runs of the hall days `from`..`to`, per utility, with the last run's outcome. */
export function syncRunFigures(db: ReadDb, from: string, to: string): SyncRunFigures[] {
  return query<SyncRunFigures>(
    db,
    sql`SELECT utility, count(*) AS runs, sum(state = 'succeeded') AS succeeded, sum(state = 'failed') AS failed,
            sum(sent) AS sent, sum(accepted) AS accepted, sum(rejected) AS rejected,
            (SELECT l.state FROM sync_runs l WHERE l.utility = s.utility AND l.day BETWEEN ${from} AND ${to} ORDER BY l.started_at DESC, l.id DESC LIMIT 1) AS lastState,
            (SELECT l.error FROM sync_runs l WHERE l.utility = s.utility AND l.day BETWEEN ${from} AND ${to} ORDER BY l.started_at DESC, l.id DESC LIMIT 1) AS lastError
       FROM sync_runs s WHERE day BETWEEN ${from} AND ${to} GROUP BY utility ORDER BY utility`,
  );
}

/** Records waiting to go out and records a utility refused, now. */
export function outboxBacklog(db: ReadDb): { pending: number; rejected: number } {
  // One count per state, so each reads its own partial index (sync_outbox_pending, _rejected), not the whole outbox.
  // Not accepted yet: waiting, or out in a batch the utility has not answered.
  const pending = querySingle<{ n: number }>(
    db,
    sql`SELECT (SELECT count(*) FROM sync_outbox WHERE state = 'pending') + (SELECT coalesce(sum(record_count), 0) FROM sync_batches WHERE state = 'open') AS n`,
  );
  const rejected = querySingle<{ n: number }>(db, sql`SELECT count(*) AS n FROM sync_outbox WHERE state = 'rejected'`);
  return { pending: pending.n, rejected: rejected.n };
}

/** Utilities whose latest run failed (the live hall's alert), with when and why. */
export function latestFailedRuns(db: ReadDb): { utility: string; startedAt: string; error: string | null }[] {
  return query<{ utility: string; startedAt: string; error: string | null }>(
    db,
    sql`SELECT s.utility, s.started_at AS startedAt, s.error FROM sync_runs s
       WHERE s.id = (SELECT l.id FROM sync_runs l WHERE l.utility = s.utility ORDER BY l.started_at DESC, l.id DESC LIMIT 1)
         AND s.state = 'failed'
       ORDER BY s.utility`,
  );
}
