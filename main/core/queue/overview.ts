import { listCategories } from '../../../db/categories.ts';
import { listCounters } from '../../../db/counters.ts';
import { listNotices } from '../../../db/notices.ts';
import { getSetting } from '../../../db/settings.ts';
import { listWaiting, recentCalls, waitingByCategory } from '../../../db/tickets.ts';
import type { CoreDeps } from '../deps.ts';
import type { QueueOverview } from './contract.ts';
import { counterView } from './counter-ops.ts';
import { estimateWaitMinutes } from './estimate.ts';
import { hallDay } from './hall-time.ts';
import { closedReason, recentPace } from './issue.ts';
import { hallTimeZone, queueSince, readRule } from './settings.ts';

/** How many past calls the calling board shows. */
export const CALL_HISTORY = 10;

export function queueOverview(deps: Pick<CoreDeps, 'db' | 'clock'>): QueueOverview {
  const { db, clock } = deps;
  const now = clock.now();
  const day = hallDay(now, hallTimeZone(db));
  const since = queueSince(db, now);
  const counters = listCounters(db);
  const waiting = waitingByCategory(db, since);
  const categories = listCategories(db).map((c) => {
    const serving = counters.filter((k) => k.status === 'open' && (k.categoryIds.length === 0 || k.categoryIds.includes(c.id))).length;
    const ahead = waiting.get(c.id) ?? 0;
    const reason = closedReason(deps, c, now);
    return {
      ...c,
      waiting: ahead,
      estimatedWaitMinutes: estimateWaitMinutes({ ahead, averageServiceMinutes: recentPace(deps, c.id), countersServing: serving }),
      issuing: reason === null,
      closedReason: reason,
    };
  });
  const waitingTickets = listWaiting(db, since);
  const oldest = waitingTickets.reduce<string | undefined>((min, t) => (!min || t.queuedAt < min ? t.queuedAt : min), undefined);
  // The board shows today's calls only; yesterday's last call is not news.
  return {
    day,
    hallName: getSetting(db, 'hall.name') ?? null,
    categories,
    counters: counters.map((c) => counterView(deps, c)),
    calls: recentCalls(db, since, CALL_HISTORY),
    notices: listNotices(db, true),
    rule: readRule(db),
    waitingTotal: waitingTickets.length,
    longestWaitMinutes: oldest ? Math.max(0, Math.floor((now.getTime() - Date.parse(oldest)) / 60_000)) : 0,
  };
}
