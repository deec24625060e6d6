import type { QueueOverview } from '../../main/core/queue/contract.ts';
import type { SessionScope } from '../api/session.ts';
import { useQuery } from '../shared/use-api.ts';

export type Overview = QueueOverview;
export type CategoryView = QueueOverview['categories'][number];
export type CounterView = QueueOverview['counters'][number];
export type CallView = QueueOverview['calls'][number];
export type NoticeView = QueueOverview['notices'][number];

/** The hall's queue as every queue screen sees it, reloaded whenever the queue moves. */
export function useOverview(scope: SessionScope) {
  return useQuery('queue/overview', {}, { scope, refreshOn: ['queue/changed'] });
}
