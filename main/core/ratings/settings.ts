import type { Db } from '../../../db/connection.ts';
import { getSetting, setSetting } from '../../../db/settings.ts';
import type { RatingSettings } from './contract.ts';

const timeoutKey = 'ratings.inviteTimeoutSeconds';
const deadlineKey = 'ratings.rectificationWorkingDays';

/** 30 s to press a key; 5 working days to rectify a bad rating (local rules say 5 to 7; Sichuan 15). */
export const defaultRatingSettings: RatingSettings = { inviteTimeoutSeconds: 30, rectificationWorkingDays: 5 };

const whole = (raw: string | undefined, min: number, max: number, fallback: number): number => {
  const n = Number(raw);
  return raw !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

export function readRatingSettings(db: Db): RatingSettings {
  return {
    inviteTimeoutSeconds: whole(getSetting(db, timeoutKey), 5, 255, defaultRatingSettings.inviteTimeoutSeconds),
    rectificationWorkingDays: whole(getSetting(db, deadlineKey), 1, 30, defaultRatingSettings.rectificationWorkingDays),
  };
}

export function writeRatingSettings(db: Db, settings: RatingSettings): void {
  setSetting(db, timeoutKey, String(settings.inviteTimeoutSeconds));
  setSetting(db, deadlineKey, String(settings.rectificationWorkingDays));
}
