import type { Db } from '../../../db/connection.ts';
import { getSetting, setSetting } from '../../../db/settings.ts';
import { defaultPriorityRule, type PriorityRule } from './ordering.ts';
import { defaultTimeZone, hallDayStart } from './hall-time.ts';

export function readRule(db: Db): PriorityRule {
  const raw = getSetting(db, 'queue.rule');
  return raw ? { ...defaultPriorityRule, ...(JSON.parse(raw) as Partial<PriorityRule>) } : defaultPriorityRule;
}

export function writeRule(db: Db, rule: PriorityRule): void {
  setSetting(db, 'queue.rule', JSON.stringify(rule));
}

export function hallTimeZone(db: Db): string {
  return getSetting(db, 'hall.timeZone') ?? defaultTimeZone;
}

/** The instant today's queue began: the hall-local midnight before `now`, as stored times are written. */
export function queueSince(db: Db, now: Date): string {
  return hallDayStart(now, hallTimeZone(db)).toISOString();
}
