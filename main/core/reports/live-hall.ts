import { listCategories } from '../../../db/categories.ts';
import {
  badRatingsWithoutTask,
  callsPerHour,
  offlineRatingDevices,
  overdueDeferred,
  overdueWorkOrders,
  waitingAges,
  waitingSince,
  staffAtRevealCap,
} from '../../../db/live-hall.ts';
import { ratingGroups } from '../../../db/report-ratings.ts';
import { latestFailedRuns } from '../../../db/report-sync.ts';
import type { CoreDeps } from '../deps.ts';
import { addDays } from '../../../common/calendar-day.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { missingCalendarYears } from '../calendar/calendar-years.ts';
import { queueOverview } from '../queue/overview.ts';
import { hallDay, hallDayStart } from '../../../common/hall-time.ts';
import { queueSince } from '../queue/settings.ts';
import { hallTimeZone } from '../hall/time-zone.ts';
import { isBadLevel, ratingLevels } from '../../../common/rating-levels.ts';
import type { LiveHall } from './live-schema.ts';
import { offsetModifier } from './period.ts';
import { sumRatingGroups } from './rating-counts.ts';

/** Examples shown under each alert; the count says how many there are. */
const EXAMPLES = 5;
/** How far back a bad rating without a task still raises the alert. */
const BAD_RATING_DAYS = 30;
const firstBadLevel = Math.min(...ratingLevels.filter(isBadLevel));

const minutesSince = (now: Date, iso: string) => Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 60_000));

/**
 * The hall right now for the manager: who waits where and how long, the counters, the
 * day's pace and ratings, and what needs the manager (alerts). `thresholdMinutes` is the
 * wait above which a ticket raises an alert (local practice keeps waits within about 15).
 */
export function liveHall(deps: Pick<CoreDeps, 'db' | 'clock'>, thresholdMinutes: number): LiveHall {
  const { db } = deps;
  const now = deps.clock.now();
  const timeZone = hallTimeZone(db);
  const day = hallDay(now, timeZone);
  const since = queueSince(db, now);
  const overview = queueOverview(deps);

  const ages = new Map(waitingAges(db, since).map((a) => [a.categoryId, a]));
  const over = new Map(waitingSince(db, since, new Date(now.getTime() - thresholdMinutes * 60_000).toISOString()).map((o) => [o.categoryId, o.n]));
  const categories = listCategories(db)
    .filter((c) => c.active || ages.has(c.id))
    .map((c) => {
      const a = ages.get(c.id);
      return {
        categoryId: c.id,
        prefix: c.prefix,
        names: { zh: c.nameZh, en: c.nameEn },
        waiting: a?.waiting ?? 0,
        longestWaitMinutes: a ? minutesSince(now, a.oldestQueuedAt) : 0,
        overThreshold: over.get(c.id) ?? 0,
      };
    });

  const list = overview.counters.map((c) => ({
    id: c.id,
    number: c.number,
    name: c.name,
    status: c.status,
    staffName: c.staffName,
    serving: c.current?.number ?? null,
  }));
  const { total: ratings, byLevel: levels } = sumRatingGroups(ratingGroups(db, day, day));

  const alerts: LiveHall['alerts'] = [];
  const longWaits = categories.filter((c) => c.overThreshold > 0);
  if (longWaits.length > 0) {
    alerts.push({ kind: 'longWait', count: longWaits.reduce((n, c) => n + c.overThreshold, 0), items: longWaits.map((c) => c.prefix) });
  }
  const workOrders = overdueWorkOrders(db, day, EXAMPLES);
  if (workOrders.count > 0)
    alerts.push({ kind: 'workOrderOverdue', count: workOrders.count, items: workOrders.items.map((w) => w.caseNumber ?? `#${w.workOrderId}`) });
  const deferred = overdueDeferred(db, day);
  if (deferred > 0) alerts.push({ kind: 'deferredOverdue', count: deferred, items: [] });
  const untasked = badRatingsWithoutTask(db, addDays(day, -BAD_RATING_DAYS), firstBadLevel);
  if (untasked.length > 0)
    alerts.push({ kind: 'badRatingWithoutTask', count: untasked.length, items: untasked.slice(0, EXAMPLES).map((r) => `#${r.ratingId}`) });
  const offline = offlineRatingDevices(db);
  if (offline.length > 0)
    alerts.push({ kind: 'deviceOffline', count: offline.length, items: offline.slice(0, EXAMPLES).map((d) => d.counterName ?? `#${d.counterId}`) });
  const failed = latestFailedRuns(db);
  if (failed.length > 0) alerts.push({ kind: 'syncFailed', count: failed.length, items: failed.slice(0, EXAMPLES).map((f) => f.utility) });
  const capped = staffAtRevealCap(db, hallDayStart(now, timeZone).toISOString());
  if (capped.length > 0) alerts.push({ kind: 'revealCapReached', count: capped.length, items: capped.slice(0, EXAMPLES) });
  const missingYears = missingCalendarYears(day, loadCalendar(db));
  if (missingYears.length > 0) alerts.push({ kind: 'calendarMissing', count: missingYears.length, items: missingYears.map(String) });

  return {
    at: now.toISOString(),
    day,
    thresholdMinutes,
    categories,
    waitingTotal: overview.waitingTotal,
    longestWaitMinutes: overview.longestWaitMinutes,
    counters: {
      open: list.filter((c) => c.status === 'open').length,
      paused: list.filter((c) => c.status === 'paused').length,
      closed: list.filter((c) => c.status === 'closed').length,
      serving: list.filter((c) => c.serving !== null).length,
      list,
    },
    callsPerHour: callsPerHour(db, since, offsetModifier(now, timeZone)),
    ratingsToday: {
      byLevel: ratingLevels.map((level) => ({ level, count: levels.get(level) ?? 0 })),
      served: ratings.served,
      rated: ratings.rated,
      completionRate: ratings.served === 0 ? null : ratings.rated / ratings.served,
    },
    alerts,
  };
}
