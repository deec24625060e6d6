import type { Db } from '../../../db/connection.ts';
import { lastRun, listConnectors, outboxUtilities, pendingCount, runsOfDay } from '../../../db/sync.ts';
import type { SyncDay } from './contract.ts';

/**
 * Sync status per utility for one hall day, for the daily report: every utility with a
 * connector or anything queued, whether a run of that day succeeded, what went and came back,
 * and what still waits now.
 */
export function syncDaySummary(db: Db, day: string): SyncDay[] {
  const runs = runsOfDay(db, day);
  const utilities = [...new Set([...listConnectors(db).map((c) => c.utility), ...outboxUtilities(db), ...runs.map((r) => r.utility)])].sort();
  return utilities.map((utility) => {
    const mine = runs.filter((r) => r.utility === utility);
    const succeeded = mine.filter((r) => r.state === 'succeeded').length;
    const failed = mine.filter((r) => r.state === 'failed').length;
    const sum = (key: 'sent' | 'accepted' | 'rejected' | 'updates') => mine.reduce((n, r) => n + r[key], 0);
    return {
      utility,
      runs: mine.length,
      succeeded,
      failed,
      sent: sum('sent'),
      accepted: sum('accepted'),
      rejected: sum('rejected'),
      updates: sum('updates'),
      pending: pendingCount(db, utility),
      lastSuccessAt: lastRun(db, utility, 'succeeded')?.finishedAt ?? null,
      status: succeeded > 0 ? 'ok' : failed > 0 ? 'failed' : 'none',
    };
  });
}
