import type { Db } from '../../../db/connection.ts';
import type { Clock } from '../clock.ts';
import { hallDay } from '../../../common/hall-time.ts';
import { hallTimeZone } from './time-zone.ts';
import type { Day } from '../../../common/calendar-day.ts';

/** The hall's calendar day now: deadlines, case numbers and promised dates are judged on it. */
export const hallToday = (deps: { db: Db; clock: Clock }): Day => hallDay(deps.clock.now(), hallTimeZone(deps.db));
