import type { Db, ReadDb } from '../../../db/connection.ts';
import { getSetting, setSetting } from '../../../db/settings.ts';
import { defaultPriorityRule, type PriorityRule } from './ordering.ts';
import { hallDayStart } from '../../../common/hall-time.ts';
import { hallTimeZone } from '../hall/time-zone.ts';
import { z } from 'zod';

// What the hall saved, checked: keys it never saved keep their default.
const savedRule = z.object({ priorityBurst: z.number(), maxWaitMinutes: z.number() }).partial();
const savedKiosk = z.object({ idleSeconds: z.number() }).partial();

export function readRule(db: ReadDb): PriorityRule {
  const raw = getSetting(db, 'queue.rule');
  return raw ? { ...defaultPriorityRule, ...savedRule.parse(JSON.parse(raw)) } : defaultPriorityRule;
}

export function writeRule(db: Db, rule: PriorityRule): void {
  setSetting(db, 'queue.rule', JSON.stringify(rule));
}

export type KioskSettings = { idleSeconds: number };

/** Long enough to read the tiles and find a phone, short enough that the next customer never sees the last one's number. */
export const defaultKioskSettings: KioskSettings = { idleSeconds: 45 };

export function readKioskSettings(db: ReadDb): KioskSettings {
  const raw = getSetting(db, 'queue.kiosk');
  return raw ? { ...defaultKioskSettings, ...savedKiosk.parse(JSON.parse(raw)) } : defaultKioskSettings;
}

export function writeKioskSettings(db: Db, settings: KioskSettings): void {
  setSetting(db, 'queue.kiosk', JSON.stringify(settings));
}

/** The instant today's queue began: the hall-local midnight before `now`, as stored times are written. */
export function queueSince(db: ReadDb, now: Date): string {
  return hallDayStart(now, hallTimeZone(db)).toISOString();
}
