import type { Db } from './connection.ts';
import { cached } from './statements.ts';
import { queryOne, run, sql } from './sql.ts';

/** A closed day's kept wait and service times (migration 0009), as stored. */
export type StoredDayTimes = { groupsJson: string; samples: Buffer };

export function readDayTimes(db: Db, day: string): StoredDayTimes | undefined {
  return queryOne<StoredDayTimes>(db, sql`SELECT groups_json AS groupsJson, samples FROM report_day_times WHERE day = ${day}`);
}

export function storeDayTimes(db: Db, day: string, groupsJson: string, samples: Uint8Array, builtAt: string): void {
  run(db, sql`INSERT INTO report_day_times (day, groups_json, samples, built_at) VALUES (${day}, ${groupsJson}, ${samples}, ${builtAt}) ON CONFLICT (day) DO UPDATE SET groups_json = excluded.groups_json, samples = excluded.samples, built_at = excluded.built_at`);
}

/**
 * The utilities of the served tickets of hall day `day`: [ticketId, utility], once per
 * ticket and utility, from every application taken on the ticket (a joint application
 * gives each of its utilities).
 */
export function servedTicketUtilities(db: Db, day: string): [ticketId: number, utility: string][] {
  return cached(
    db,
    `SELECT DISTINCT t.id, m.utility
       FROM tickets t INDEXED BY tickets_day_times
       JOIN applications a INDEXED BY applications_ticket ON a.ticket_id = t.id
       JOIN application_matters m ON m.application_id = a.id
      WHERE t.day = ? AND t.status = 'done'`,
  )
    .raw(true)
    .all(day) as [number, string][];
}
