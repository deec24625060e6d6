import { counterSummary } from '../../../db/counters.ts';
import { getSetting } from '../../../db/settings.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import type { HallStatus, hallContract } from './contract.ts';

export function readHallStatus({ db, clock }: Pick<CoreDeps, 'db' | 'clock'>): HallStatus {
  const counters = counterSummary(db);
  return {
    hallName: getSetting(db, 'hall.name') ?? null,
    countersOpen: counters.open,
    countersPaused: counters.paused,
    countersTotal: counters.total,
    // The queue domain fills these in; until tickets exist the hall has none.
    ticketsWaiting: 0,
    ticketsServing: 0,
    at: clock.now().toISOString(),
  };
}

export function hallHandlers(deps: CoreDeps): HandlersFor<typeof hallContract> {
  return { 'hall/status': () => readHallStatus(deps) };
}
