import { listCategories } from '../../../db/categories.ts';
import { listCounters } from '../../../db/counters.ts';
import { listNotices } from '../../../db/notices.ts';
import { getSetting } from '../../../db/settings.ts';
import { averageServiceMinutes, listWaiting, recentCalls, waitingByCategory } from '../../../db/tickets.ts';
import type { CoreDeps } from '../deps.ts';
import type { QueueOverview } from './contract.ts';
import { counterView } from './counter-ops.ts';
import { estimateWaitMinutes } from './estimate.ts';
import { hallDay } from './hall-time.ts';
import { closedReason } from './issue.ts';
import { hallTimeZone, readRule } from './settings.ts';

/** How many past calls the calling board shows. */
export const CALL_HISTORY = 10;

export function queueOverview(deps: Pick<CoreDeps, 'db' | 'clock'>): QueueOverview {
  const { db, clock } = deps;
  const now = clock.now();
  const day = hallDay(now, hallTimeZone(db));
  const counters = listCounters(db);
  const waiting = waitingByCategory(db);
  const categories = listCategories(db).map((c) => {
    const serving = counters.filter((k) => k.status === 'open' && (k.categoryIds.length === 0 || k.categoryIds.includes(c.id))).length;
    const ahead = waiting.get(c.id) ?? 0;
    const reason = closedReason(deps, c, now);
    return {
      ...c,
      waiting: ahead,
      estimatedWaitMinutes: estimateWaitMinutes({ ahead, averageServiceMinutes: averageServiceMinutes(db, c.id, 20), countersServing: serving }),
      issuing: reason === null,
      closedReason: reason,
    };
  });
  const waitingTickets = listWaiting(db);
  const oldest = waitingTickets.reduce<string | undefined>((min, t) => (!min || t.queuedAt < min ? t.queuedAt : min), undefined);
  // The board shows today's calls only; yesterday's last call is not news.
  const dayStart = new Date(now.getTime() - 24 * 3600_000).toISOString();
  return {
    day,
    hallName: getSetting(db, 'hall.name') ?? null,
    categories,
    counters: counters.map((c) => counterView(deps, c)),
    calls: recentCalls(db, dayStart, CALL_HISTORY).filter((c) => c.at.length > 0),
    notices: listNotices(db, true),
    rule: readRule(db),
    waitingTotal: waitingTickets.length,
    longestWaitMinutes: oldest ? Math.max(0, Math.floor((now.getTime() - Date.parse(oldest)) / 60_000)) : 0,
  };
}
