import type { Db } from './connection.ts';
import { cached } from './statements.ts';

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
export function syncRunFigures(db: Db, from: string, to: string): SyncRunFigures[] {
  return cached(
    db,
    `SELECT utility, count(*) AS runs, sum(state = 'succeeded') AS succeeded, sum(state = 'failed') AS failed,
            sum(sent) AS sent, sum(accepted) AS accepted, sum(rejected) AS rejected,
            (SELECT l.state FROM sync_runs l WHERE l.utility = s.utility AND l.day BETWEEN ? AND ? ORDER BY l.started_at DESC, l.id DESC LIMIT 1) AS lastState,
            (SELECT l.error FROM sync_runs l WHERE l.utility = s.utility AND l.day BETWEEN ? AND ? ORDER BY l.started_at DESC, l.id DESC LIMIT 1) AS lastError
       FROM sync_runs s WHERE day BETWEEN ? AND ? GROUP BY utility ORDER BY utility`,
  ).all(from, to, from, to, from, to) as SyncRunFigures[];
}

/** Records waiting to go out and records a utility refused, now. */
export function outboxBacklog(db: Db): { pending: number; rejected: number } {
  // One count per state, so each reads its own partial index (sync_outbox_pending, _rejected), not the whole outbox.
  // Not accepted yet: waiting, or out in a batch the utility has not answered.
  const pending = cached(db, `SELECT (SELECT count(*) FROM sync_outbox WHERE state = 'pending') + (SELECT coalesce(sum(record_count), 0) FROM sync_batches WHERE state = 'open') AS n`).get() as { n: number };
  const rejected = cached(db, `SELECT count(*) AS n FROM sync_outbox WHERE state = 'rejected'`).get() as { n: number };
  return { pending: pending.n, rejected: rejected.n };
}

/** Utilities whose latest run failed (the live hall's alert), with when and why. */
export function latestFailedRuns(db: Db): { utility: string; startedAt: string; error: string | null }[] {
  return cached(
    db,
    `SELECT s.utility, s.started_at AS startedAt, s.error FROM sync_runs s
       WHERE s.id = (SELECT l.id FROM sync_runs l WHERE l.utility = s.utility ORDER BY l.started_at DESC, l.id DESC LIMIT 1)
         AND s.state = 'failed'
       ORDER BY s.utility`,
  ).all() as { utility: string; startedAt: string; error: string | null }[];
}
