import { counterSummary } from '../../../db/counters.ts';
import { getSetting } from '../../../db/settings.ts';
import { countInService, countWaiting } from '../../../db/tickets.ts';
import { queueSince } from '../queue/settings.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { hallDay } from '../../../common/hall-time.ts';
import { yearOf } from '../../../common/calendar-day.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { hallTimeZone } from './time-zone.ts';
import { listCategories } from '../../../db/categories.ts';
import type { HallHours, HallStatus, HallTime, hallContract } from './contract.ts';

export function readHallStatus({ db, clock }: Pick<CoreDeps, 'db' | 'clock'>): HallStatus {
  const counters = counterSummary(db);
  return {
    hallName: getSetting(db, 'hall.name') ?? null,
    countersOpen: counters.open,
    countersPaused: counters.paused,
    countersTotal: counters.total,
    ticketsWaiting: countWaiting(db, queueSince(db, clock.now())),
    ticketsServing: countInService(db),
    at: clock.now().toISOString(),
  };
}

// Deadlines reach a year or two ahead at most; the year before covers cases still open from it.
const PROVISIONAL_YEARS_AROUND = [-1, 0, 1, 2];

export function readHallTime({ db, clock }: Pick<CoreDeps, 'db' | 'clock'>): HallTime {
  const now = clock.now();
  const timeZone = hallTimeZone(db);
  const day = hallDay(now, timeZone);
  const { publishedYears } = loadCalendar(db);
  const unpublishedYears = PROVISIONAL_YEARS_AROUND.map((d) => yearOf(day) + d).filter((y) => !publishedYears.has(y));
  return { at: now.toISOString(), timeZone, day, unpublishedYears };
}

/** HH:MM strings compare as times of day. */
export function readHallHours({ db }: Pick<CoreDeps, 'db'>): HallHours {
  const active = listCategories(db).filter((c) => c.active);
  const opens = active.map((c) => c.opensAt).sort();
  const closes = active.map((c) => c.closesAt).sort();
  return { timeZone: hallTimeZone(db), opensAt: opens[0] ?? null, closesAt: closes.at(-1) ?? null };
}

export function hallHandlers(deps: CoreDeps): HandlersFor<typeof hallContract> {
  return {
    'hall/status': () => readHallStatus(deps),
    'hall/time': () => readHallTime(deps),
    'hall/hours': () => readHallHours(deps),
    'hall/certificate': () => deps.ports.certificate?.() ?? { https: false, caFingerprint: null, caThumbprint: null, validUntil: null },
  };
}
