import type { Db, ReadDb } from './connection.ts';
import { cached } from './statements.ts';
import { query, queryOne, run, runReturning, sql } from './sql.ts';
import type { Row } from './tables.ts';
import { parseJsonColumn, stringList } from './json-columns.ts';
import { z } from 'zod';

export type RatingStage = 'intake' | 'completed';
export type RatingStatus = 'pending' | 'rated' | 'unrated';
export type RatingChannel = 'screen' | 'keypad' | 'serial' | 'hid' | 'qr';
export type RatedMatter = { caseNumber: string; utility: string; businessCode: string };
const ratedMatterList = z.array(z.looseObject({ caseNumber: z.string(), utility: z.string(), businessCode: z.string() })) satisfies z.ZodType<RatedMatter[]>;

export type RatingRow = {
  id: number;
  stage: RatingStage;
  status: RatingStatus;
  ticketId: number | null;
  applicationId: number | null;
  counterId: number | null;
  staffId: number | null;
  utilities: string[];
  matters: RatedMatter[];
  level: number | null;
  rawKey: string | null;
  channel: RatingChannel | null;
  device: string | null;
  deviceId: number | null;
  comment: string | null;
  day: string;
  invitedAt: string;
  expiresAt: string | null;
  ratedAt: string | null;
  closedAt: string | null;
};

type Raw = Row<'ratings'>;

const toRating = (r: Raw): RatingRow => ({
  id: r.id,
  stage: r.stage,
  status: r.status,
  ticketId: r.ticket_id,
  applicationId: r.application_id,
  counterId: r.counter_id,
  staffId: r.staff_id,
  utilities: parseJsonColumn(stringList, r.utilities),
  matters: parseJsonColumn(ratedMatterList, r.matters),
  level: r.level,
  rawKey: r.raw_key,
  channel: r.channel,
  device: r.device,
  deviceId: r.device_id,
  comment: r.comment,
  day: r.day,
  invitedAt: r.invited_at,
  expiresAt: r.expires_at,
  ratedAt: r.rated_at,
  closedAt: r.closed_at,
});

export type NewRating = Pick<
  RatingRow,
  'stage' | 'ticketId' | 'applicationId' | 'counterId' | 'staffId' | 'utilities' | 'matters' | 'day' | 'invitedAt' | 'expiresAt'
>;

/** Opens an invitation ('pending'); a rating from the receipt's QR code is inserted pending and rated at once. */
export function insertRating(db: Db, r: NewRating): number {
  return Number(
    run(
      db,
      sql`INSERT INTO ratings (stage, status, ticket_id, application_id, counter_id, staff_id, utilities, matters, day, invited_at, expires_at)
       VALUES (${r.stage}, 'pending', ${r.ticketId}, ${r.applicationId}, ${r.counterId}, ${r.staffId}, ${JSON.stringify(r.utilities)}, ${JSON.stringify(r.matters)}, ${r.day}, ${r.invitedAt}, ${r.expiresAt})`,
    ).lastInsertRowid,
  );
}

export function getRating(db: ReadDb, id: number): RatingRow | undefined {
  const raw = queryOne<Raw>(db, sql`SELECT * FROM ratings WHERE id = ${id}`);
  return raw && toRating(raw);
}

export function ratingForTicket(db: ReadDb, ticketId: number, stage: RatingStage): RatingRow | undefined {
  const raw = queryOne<Raw>(db, sql`SELECT * FROM ratings WHERE ticket_id = ${ticketId} AND stage = ${stage}`);
  return raw && toRating(raw);
}

/** The invitation open at a counter now (the newest, should an older one linger). */
export function pendingRatingAt(db: ReadDb, counterId: number): RatingRow | undefined {
  const raw = queryOne<Raw>(db, sql`SELECT * FROM ratings WHERE counter_id = ${counterId} AND status = 'pending' ORDER BY id DESC LIMIT 1`);
  return raw && toRating(raw);
}

/** Closes unanswered invitations as 'unrated': those of a counter (a new customer is invited), or all past their time. */
export function expirePending(db: Db, by: { counterId: number } | { before: string }, at: string): { id: number; counterId: number | null }[] {
  const rows =
    'counterId' in by
      ? runReturning<Pick<Row<'ratings'>, 'id' | 'counter_id'>>(
          db,
          sql`UPDATE ratings SET status = 'unrated', closed_at = ${at} WHERE status = 'pending' AND counter_id = ${by.counterId} RETURNING id, counter_id`,
        )
      : runReturning<Pick<Row<'ratings'>, 'id' | 'counter_id'>>(
          db,
          sql`UPDATE ratings SET status = 'unrated', closed_at = ${at} WHERE status = 'pending' AND expires_at IS NOT NULL AND expires_at <= ${by.before} RETURNING id, counter_id`,
        );
  return rows.map((r) => ({ id: r.id, counterId: r.counter_id }));
}

/** Expires one invitation; false when it was no longer pending. */
export function expireRating(db: Db, id: number, at: string): boolean {
  return run(db, sql`UPDATE ratings SET status = 'unrated', closed_at = ${at} WHERE id = ${id} AND status = 'pending'`).changes === 1;
}

export type RatingAnswer = { level: number; rawKey: string; channel: RatingChannel; device: string | null; deviceId: number | null; ratedAt: string };

/** Records the customer's answer, only from one of `from` (a late key after the timeout finds 'unrated' and is refused). */
export function markRated(db: Db, id: number, from: readonly [RatingStatus, ...RatingStatus[]], a: RatingAnswer): boolean {
  // Two placeholders take one or two statuses: a repeated status changes nothing.
  const [first, second = first] = from;
  return (
    run(
      db,
      sql`UPDATE ratings SET status = 'rated', level = ${a.level}, raw_key = ${a.rawKey}, channel = ${a.channel}, device = ${a.device}, device_id = ${a.deviceId}, rated_at = ${a.ratedAt}, closed_at = ${a.ratedAt} WHERE id = ${id} AND status IN (${first}, ${second})`,
    ).changes === 1
  );
}

/** Claims the case numbers of a rated service for its stage; throws (UNIQUE) when one was rated already. */
export function claimCases(db: Db, ratingId: number, caseNumbers: readonly string[], stage: RatingStage): void {
  const insert = cached(db, 'INSERT INTO rating_cases (case_number, stage, rating_id) VALUES (?, ?, ?)');
  for (const caseNumber of caseNumbers) insert.run(caseNumber, stage, ratingId);
}

export function ratingIdForCase(db: ReadDb, caseNumber: string, stage: RatingStage): number | undefined {
  const row = queryOne<{ rating_id: number }>(db, sql`SELECT rating_id FROM rating_cases WHERE case_number = ${caseNumber} AND stage = ${stage}`);
  return row?.rating_id;
}

export function ratingsForApplication(db: ReadDb, applicationId: number): RatingRow[] {
  return query<Raw>(db, sql`SELECT * FROM ratings WHERE application_id = ${applicationId} ORDER BY id`).map(toRating);
}

export function addReasons(db: Db, ratingId: number, reasons: readonly string[], comment: string | null): void {
  const insert = cached(db, 'INSERT OR IGNORE INTO rating_reasons (rating_id, reason) VALUES (?, ?)');
  for (const reason of reasons) insert.run(ratingId, reason);
  if (comment !== null) run(db, sql`UPDATE ratings SET comment = ${comment} WHERE id = ${ratingId}`);
}

export function listReasons(db: ReadDb, ratingId: number): string[] {
  return query<{ reason: string }>(db, sql`SELECT reason FROM rating_reasons WHERE rating_id = ${ratingId} ORDER BY reason`).map((r) => r.reason);
}

/** What the figures count, one row per invitation, between two hall-local days (both included). No customer data. */
export type FigureRow = Pick<
  RatingRow,
  'id' | 'day' | 'stage' | 'status' | 'level' | 'counterId' | 'staffId' | 'utilities' | 'channel' | 'invitedAt' | 'ratedAt'
>;

export function figureRows(db: ReadDb, fromDay: string, toDay: string): FigureRow[] {
  const rows = query<
    Pick<Row<'ratings'>, 'id' | 'day' | 'stage' | 'status' | 'level' | 'counter_id' | 'staff_id' | 'utilities' | 'channel' | 'invited_at' | 'rated_at'>
  >(
    db,
    sql`SELECT id, day, stage, status, level, counter_id, staff_id, utilities, channel, invited_at, rated_at FROM ratings WHERE day >= ${fromDay} AND day <= ${toDay} ORDER BY id`,
  );
  return rows.map((r) => ({
    id: r.id,
    day: r.day,
    stage: r.stage,
    status: r.status,
    level: r.level,
    counterId: r.counter_id,
    staffId: r.staff_id,
    utilities: parseJsonColumn(stringList, r.utilities),
    channel: r.channel,
    invitedAt: r.invited_at,
    ratedAt: r.rated_at,
  }));
}

/** The applications accepted for a ticket and their case numbers: what a rating at the window is tied to. */
export function mattersForTicket(db: ReadDb, ticketId: number): (RatedMatter & { applicationId: number })[] {
  return query<RatedMatter & { applicationId: number }>(
    db,
    sql`SELECT a.id AS applicationId, m.case_number AS caseNumber, m.utility, m.business_code AS businessCode
         FROM applications a JOIN application_matters m ON m.application_id = a.id
        WHERE a.ticket_id = ${ticketId} ORDER BY a.id, m.id`,
  );
}
