import type { Db } from '../../../db/connection.ts';
import { type CounterRow, getCounter } from '../../../db/counters.ts';
import { isManager, type StaffCaller } from '../api/caller.ts';
import { fail } from '../api/errors.ts';

export const existingCounter = (db: Db, counterId: number): CounterRow => getCounter(db, counterId) ?? fail('not_found', 'errors.queue.counterNotFound');

/** The counter the clerk works at now: a request to its customer screen from anyone else is refused (a manager may help out). */
export function ownCounter(db: Db, caller: StaffCaller, counterId: number): CounterRow {
  const counter = existingCounter(db, counterId);
  if (counter.staffId !== caller.staffId && !isManager(caller)) fail('forbidden', 'errors.queue.notYourCounter');
  return counter;
}
