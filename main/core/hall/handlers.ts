import { counterSummary } from '../../../db/counters.ts';
import { getSetting } from '../../../db/settings.ts';
import { countInService, countWaiting } from '../../../db/tickets.ts';
import { queueSince } from '../queue/settings.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { hallDay } from '../queue/hall-time.ts';
import { hallTimeZone } from '../queue/settings.ts';
import type { HallStatus, HallTime, hallContract } from './contract.ts';

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

export function readHallTime({ db, clock }: Pick<CoreDeps, 'db' | 'clock'>): HallTime {
  const now = clock.now();
  const timeZone = hallTimeZone(db);
  return { at: now.toISOString(), timeZone, day: hallDay(now, timeZone) };
}

export function hallHandlers(deps: CoreDeps): HandlersFor<typeof hallContract> {
  return { 'hall/status': () => readHallStatus(deps), 'hall/time': () => readHallTime(deps) };
}
