import type { QueueOverview } from '../../main/core/queue/contract.ts';
import type { HallEvent } from '../../main/core/events.ts';
import type { SessionScope } from '../api/session.ts';
import { useQuery } from '../shared/use-api.ts';

export type Overview = QueueOverview;
export type CategoryView = QueueOverview['categories'][number];
export type CounterView = QueueOverview['counters'][number];
export type CallView = QueueOverview['calls'][number];
export type NoticeView = QueueOverview['notices'][number];

/** The hall's queue as every queue screen sees it: loaded once, then taken from each queue/changed push. */
export function useOverview(scope: SessionScope) {
  return useQuery('queue/overview', {}, { scope, refreshOn: ['queue/changed'], fromEvent: overviewOf });
}

const isQueueChange = (event: HallEvent): event is HallEvent<'queue/changed'> => event.type === 'queue/changed';
const overviewOf = (event: HallEvent): QueueOverview | undefined => (isQueueChange(event) ? event.payload.overview : undefined);
