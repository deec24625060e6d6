import type { Db } from '../../../db/connection.ts';
import { getSetting, setSetting } from '../../../db/settings.ts';
import { defaultPriorityRule, type PriorityRule } from './ordering.ts';
import { hallDayStart } from '../../../common/hall-time.ts';
import { hallTimeZone } from '../hall/time-zone.ts';

export function readRule(db: Db): PriorityRule {
  const raw = getSetting(db, 'queue.rule');
  return raw ? { ...defaultPriorityRule, ...(JSON.parse(raw) as Partial<PriorityRule>) } : defaultPriorityRule;
}

export function writeRule(db: Db, rule: PriorityRule): void {
  setSetting(db, 'queue.rule', JSON.stringify(rule));
}

export type KioskSettings = { idleSeconds: number };

/** Long enough to read the tiles and find a phone, short enough that the next customer never sees the last one's number. */
export const defaultKioskSettings: KioskSettings = { idleSeconds: 45 };

export function readKioskSettings(db: Db): KioskSettings {
  const raw = getSetting(db, 'queue.kiosk');
  return raw ? { ...defaultKioskSettings, ...(JSON.parse(raw) as Partial<KioskSettings>) } : defaultKioskSettings;
}

export function writeKioskSettings(db: Db, settings: KioskSettings): void {
  setSetting(db, 'queue.kiosk', JSON.stringify(settings));
}

/** The instant today's queue began: the hall-local midnight before `now`, as stored times are written. */
export function queueSince(db: Db, now: Date): string {
  return hallDayStart(now, hallTimeZone(db)).toISOString();
}
