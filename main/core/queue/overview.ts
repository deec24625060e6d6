import { listCategories } from '../../../db/categories.ts';
import { listCounters } from '../../../db/counters.ts';
import { staffNames } from '../../../db/staff.ts';
import { listNotices } from '../../../db/notices.ts';
import { getSetting } from '../../../db/settings.ts';
import { oldestWaiting, recentCalls, type TicketRow, ticketsInService, waitingByCategory } from '../../../db/tickets.ts';
import type { CoreDeps } from '../deps.ts';
import type { QueueOverview } from './contract.ts';
import { counterView } from './counter-ops.ts';
import { estimateWaitMinutes } from './estimate.ts';
import { hallDay } from '../../../common/hall-time.ts';
import { closedReason, recentPace } from './issue.ts';
import { queueSince, readKioskSettings, readRule } from './settings.ts';
import { hallTimeZone } from '../hall/time-zone.ts';

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
  // Counted and dated by the database: reading every waiting ticket cost each overview more as the queue grew.
  const waitingTotal = [...waiting.values()].reduce((sum, n) => sum + n, 0);
  const oldest = oldestWaiting(db, since);
  // One read for every counter's current ticket, not one per counter (called_at order: the first is the current one).
  const current = new Map<number, TicketRow>();
  for (const t of ticketsInService(db)) if (t.counterId !== null && !current.has(t.counterId)) current.set(t.counterId, t);
  const names = staffNames(
    db,
    counters.flatMap((c) => (c.staffId === null ? [] : [c.staffId])),
  );
  // The board shows today's calls only; yesterday's last call is not news.
  return {
    day,
    hallName: getSetting(db, 'hall.name') ?? null,
    categories,
    counters: counters.map((c) => counterView(deps, c, { current: current.get(c.id) ?? null, names })),
    calls: recentCalls(db, since, CALL_HISTORY),
    notices: listNotices(db, true),
    rule: readRule(db),
    kiosk: readKioskSettings(db),
    waitingTotal,
    longestWaitMinutes: oldest ? Math.max(0, Math.floor((now.getTime() - Date.parse(oldest)) / 60_000)) : 0,
  };
}
