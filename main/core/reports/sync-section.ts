import type { ReadDb } from '../../../db/connection.ts';
import { outboxBacklog, syncRunFigures } from '../../../db/report-sync.ts';
import type { Labels } from './labels.ts';
import type { Period } from './period.ts';
import type { SyncSection } from './schemas.ts';
import { syncFailureReason } from '../sync/failure-reason.ts';

/** The nightly sync's runs over the period per utility, and what is still waiting or refused now. */
export function syncSection(db: ReadDb, period: Period, labels: Labels): SyncSection {
  const backlog = outboxBacklog(db);
  return {
    utilities: syncRunFigures(db, period.from, period.to)
      .sort((a, b) => labels.utilityOrder(a.utility, b.utility))
      .map((u) => ({ ...u, names: labels.utility(u.utility), lastReason: u.lastState === 'failed' ? syncFailureReason(u.lastError) : null })),
    pendingNow: backlog.pending,
    rejectedNow: backlog.rejected,
  };
}
