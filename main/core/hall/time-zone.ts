import type { ReadDb } from '../../../db/connection.ts';
import { getSetting } from '../../../db/settings.ts';
import { defaultTimeZone } from '../../../common/hall-time.ts';

/** The hall's IANA time zone: every hall day and clock is read in it, whatever the server's own zone. */
export function hallTimeZone(db: ReadDb): string {
  return getSetting(db, 'hall.timeZone') ?? defaultTimeZone;
}
