import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, queryTuples, run, sql } from './sql.ts';

/** A closed day's kept wait and service times (migration 0009), as stored. */
export type StoredDayTimes = { groupsJson: string; samples: Buffer };

export function readDayTimes(db: ReadDb, day: string): StoredDayTimes | undefined {
  return queryOne<StoredDayTimes>(db, sql`SELECT groups_json AS groupsJson, samples FROM report_day_times WHERE day = ${day}`);
}

/** The kept days of `from`..`to` without their samples (their length only): enough to tell which are usable. */
export function keptDayShapes(db: ReadDb, from: string, to: string): { day: string; groupsJson: string; sampleBytes: number }[] {
  return query<{ day: string; groupsJson: string; sampleBytes: number }>(
    db,
    sql`SELECT day, groups_json AS groupsJson, length(samples) AS sampleBytes FROM report_day_times WHERE day BETWEEN ${from} AND ${to}`,
  );
}

/** A closed day's times as computed by a report, for the hall's writer to keep. */
export type KeptDayTimes = { day: string; groupsJson: string; samples: Uint8Array; builtAt: string };

/**
 * Marks closed days a report worker is about to compute (none kept, or kept in another format),
 * before it starts: an empty row, which no report can decode (so it is computed), and which
 * migration 0009's triggers delete at any change to the day like a kept one. When the worker's answer comes, storePendingDayTimes keeps a
 * day only if its mark is still there: nothing changed since the worker's read began, so the
 * times it computed are the records' own.
 */
export function markPendingDayTimes(db: Db, days: readonly string[], at: string): void {
  for (const day of days)
    run(
      db,
      sql`INSERT INTO report_day_times (day, groups_json, samples, built_at) VALUES (${day}, '', x'', ${at}) ON CONFLICT (day) DO UPDATE SET groups_json = '', samples = x'', built_at = excluded.built_at`,
    );
}

/** Keeps a worker's computed day where its mark (markPendingDayTimes) is still in place; false when the day changed meanwhile. */
export function storePendingDayTimes(db: Db, kept: KeptDayTimes): boolean {
  return (
    run(
      db,
      sql`UPDATE report_day_times SET groups_json = ${kept.groupsJson}, samples = ${kept.samples}, built_at = ${kept.builtAt} WHERE day = ${kept.day} AND groups_json = ''`,
    ).changes === 1
  );
}

export function storeDayTimes(db: Db, day: string, groupsJson: string, samples: Uint8Array, builtAt: string): void {
  run(
    db,
    sql`INSERT INTO report_day_times (day, groups_json, samples, built_at) VALUES (${day}, ${groupsJson}, ${samples}, ${builtAt}) ON CONFLICT (day) DO UPDATE SET groups_json = excluded.groups_json, samples = excluded.samples, built_at = excluded.built_at`,
  );
}

/**
 * The utilities of the served tickets of hall day `day`: [ticketId, utility], once per
 * ticket and utility, from every application taken on the ticket (a joint application
 * gives each of its utilities).
 */
export function servedTicketUtilities(db: ReadDb, day: string): [ticketId: number, utility: string][] {
  return queryTuples<[number, string]>(
    db,
    sql`SELECT DISTINCT t.id, m.utility
       FROM tickets t INDEXED BY tickets_day_times
       JOIN applications a INDEXED BY applications_ticket ON a.ticket_id = t.id
       JOIN application_matters m ON m.application_id = a.id
      WHERE t.day = ${day} AND t.status = 'done'`,
  );
}
