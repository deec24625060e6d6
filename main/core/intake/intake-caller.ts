import type { Db } from '../../../db/connection.ts';
import { type CounterRow, getCounter } from '../../../db/counters.ts';
import type { Caller } from '../api/caller.ts';
import { fail } from '../api/errors.ts';

export type StaffCaller = Extract<Caller, { kind: 'staff' }>;

/** Intake methods are staff methods; their roles already keep devices and strangers out. */
export const asStaff = (caller: Caller): StaffCaller => (caller.kind === 'staff' ? caller : fail('forbidden', 'errors.forbidden'));

export const isManager = (caller: StaffCaller): boolean => caller.roles.includes('manager') || caller.roles.includes('admin');

export const staffIdOf = (caller: Caller): number | null => (caller.kind === 'staff' ? caller.staffId : null);

export const existingCounter = (db: Db, counterId: number): CounterRow => getCounter(db, counterId) ?? fail('not_found', 'errors.queue.counterNotFound');

/** The counter the clerk works at now: a request to its customer screen from anyone else is refused (a manager may help out). */
export function ownCounter(db: Db, caller: StaffCaller, counterId: number): CounterRow {
  const counter = existingCounter(db, counterId);
  if (counter.staffId !== caller.staffId && !isManager(caller)) fail('forbidden', 'errors.queue.notYourCounter');
  return counter;
}
