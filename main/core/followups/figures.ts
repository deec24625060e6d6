import type { Db } from '../../../db/connection.ts';
import { countFollowUps, type FollowUpCounts } from '../../../db/followups.ts';
import { addDays, type Day } from '../../../common/calendar-day.ts';
import { hallDayStart } from '../../../common/hall-time.ts';
import { hallTimeZone } from '../hall/time-zone.ts';

export type FollowUpFigures = FollowUpCounts & { fromDay: Day; toDay: Day };

/**
 * Follow-ups over hall days `fromDay`..`toDay` (inclusive), for the daily and monthly reports:
 * tasks done or unreachable in the period, tasks still open at its end, problems found, due,
 * closed (and closed late) in it, and problems open past their 3 working days at its end.
 */
export function followUpFigures(db: Db, fromDay: Day, toDay: Day): FollowUpFigures {
  const end = hallDayStart(new Date(`${addDays(toDay, 1)}T12:00:00Z`), hallTimeZone(db)).toISOString();
  return { fromDay, toDay, ...countFollowUps(db, fromDay, toDay, end) };
}
