import type { Db, ReadDb } from './connection.ts';
import { queryOne, run, runReturningOne, sql } from './sql.ts';

export type AttemptPolicy = { maxFailures: number; windowMs: number; blockMs: number };

/** When `key` is blocked in `scope`, until when; undefined when it may try. */
export function blockedUntil(db: ReadDb, scope: string, key: string, now: string): string | undefined {
  const row = queryOne<{ until: string }>(
    db,
    sql`SELECT blocked_until AS until FROM attempt_limits WHERE scope = ${scope} AND key = ${key} AND blocked_until > ${now}`,
  );
  return row?.until;
}

/**
 * Counts one failure in one statement (a burst of parallel requests is counted exactly): a
 * window that has run out starts again; the failure that reaches the limit blocks the key.
 * Returns the block's end when this failure set one.
 */
export function recordFailedAttempt(db: Db, scope: string, key: string, now: Date, policy: AttemptPolicy): string | undefined {
  const nowIso = now.toISOString();
  const windowFrom = new Date(now.getTime() - policy.windowMs).toISOString();
  const until = new Date(now.getTime() + policy.blockMs).toISOString();
  const max = policy.maxFailures;
  const row = runReturningOne<{ until: string | null }>(
    db,
    sql`INSERT INTO attempt_limits (scope, key, failures, window_start, blocked_until) VALUES (${scope}, ${key}, 1, ${nowIso}, CASE WHEN 1 >= ${max} THEN ${until} END)
     ON CONFLICT (scope, key) DO UPDATE SET
       failures = CASE WHEN window_start < ${windowFrom} THEN 1 ELSE failures + 1 END,
       window_start = CASE WHEN window_start < ${windowFrom} THEN ${nowIso} ELSE window_start END,
       blocked_until = CASE WHEN (CASE WHEN window_start < ${windowFrom} THEN 1 ELSE failures + 1 END) >= ${max} THEN ${until} ELSE blocked_until END
     RETURNING blocked_until AS until`,
  );
  return row !== undefined && row.until !== null && row.until > nowIso ? row.until : undefined;
}

export function clearAttempts(db: Db, scope: string, key: string): void {
  run(db, sql`DELETE FROM attempt_limits WHERE scope = ${scope} AND key = ${key}`);
}
