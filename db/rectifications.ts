import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';
import { parseJsonColumn, stringList } from './json-columns.ts';
import { z } from 'zod';
import { type Camel, camelRow } from './camel-row.ts';
import type { Row } from './tables.ts';

const caseNumberList = z.array(z.looseObject({ caseNumber: z.string() }));

export type Verdict = 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'unreachable';

const SELECT_TASK = sql`SELECT r.*,
  g.level, g.day AS rating_day, g.rated_at, g.channel, g.counter_id, g.staff_id, g.utilities, g.matters, g.comment,
  (SELECT json_group_array(reason) FROM rating_reasons WHERE rating_id = g.id) AS reasons
  FROM rectifications r JOIN ratings g ON g.id = r.rating_id`;

/** A task is opened when a rating is answered with a bad level, so the join's level, rated_at and channel are never null here. */
type Raw = Row<'rectifications'> &
  Pick<Row<'ratings'>, 'counter_id' | 'staff_id' | 'utilities' | 'matters' | 'comment'> & {
    level: number;
    rating_day: string;
    rated_at: string;
    channel: string;
    reasons: string;
  };

/** A task with what the manager's list shows of its rating: never who the customer was. */
export type RectificationListRow = Omit<Camel<Raw>, 'utilities' | 'matters' | 'reasons'> & { utilities: string[]; caseNumbers: string[]; reasons: string[] };

const toTask = ({ utilities, matters, reasons, ...task }: Raw): RectificationListRow => ({
  ...camelRow(task),
  utilities: parseJsonColumn(stringList, utilities),
  caseNumbers: parseJsonColumn(caseNumberList, matters).map((m) => m.caseNumber),
  reasons: parseJsonColumn(stringList, reasons).sort(),
});

export function insertRectification(db: Db, t: { ratingId: number; openedAt: string; dueDay: string }): number {
  return Number(run(db, sql`INSERT INTO rectifications (rating_id, opened_at, due_day) VALUES (${t.ratingId}, ${t.openedAt}, ${t.dueDay})`).lastInsertRowid);
}

export function getRectification(db: ReadDb, id: number): RectificationListRow | undefined {
  const raw = queryOne<Raw>(db, sql`${SELECT_TASK} WHERE r.id = ${id}`);
  return raw && toTask(raw);
}

export function rectificationForRating(db: ReadDb, ratingId: number): RectificationListRow | undefined {
  const raw = queryOne<Raw>(db, sql`${SELECT_TASK} WHERE r.rating_id = ${ratingId}`);
  return raw && toTask(raw);
}

/** Open tasks first by due day, then the closed ones of the last `closedSince`, newest first. */
export function listRectifications(db: ReadDb, closedSince: string): RectificationListRow[] {
  return query<Raw>(
    db,
    sql`${SELECT_TASK} WHERE r.closed_at IS NULL OR r.closed_at >= ${closedSince} ORDER BY (r.closed_at IS NOT NULL), r.due_day, r.id DESC`,
  ).map(toTask);
}

export function assignRectification(db: Db, id: number, a: { assigneeStaffId: number; by: number | null; at: string }): boolean {
  return (
    run(
      db,
      sql`UPDATE rectifications SET assignee_staff_id = ${a.assigneeStaffId}, assigned_by = ${a.by}, assigned_at = ${a.at} WHERE id = ${id} AND closed_at IS NULL`,
    ).changes === 1
  );
}

export function recordCall(db: Db, id: number, c: { notes: string; by: number | null; at: string }): boolean {
  return (
    run(db, sql`UPDATE rectifications SET call_notes = ${c.notes}, call_by = ${c.by}, call_at = ${c.at} WHERE id = ${id} AND closed_at IS NULL`).changes === 1
  );
}

export function recordMeasures(db: Db, id: number, m: { measures: string; by: number | null; at: string }): boolean {
  return (
    run(db, sql`UPDATE rectifications SET measures = ${m.measures}, measures_by = ${m.by}, measures_at = ${m.at} WHERE id = ${id} AND closed_at IS NULL`)
      .changes === 1
  );
}

/** The customer's verdict closes the task; refused (false) without measures or when closed. */
export function closeWithVerdict(db: Db, id: number, v: { verdict: Verdict; by: number | null; at: string }): boolean {
  return (
    run(
      db,
      sql`UPDATE rectifications SET verdict = ${v.verdict}, verdict_at = ${v.at}, closed_at = ${v.at}, closed_by = ${v.by} WHERE id = ${id} AND closed_at IS NULL AND measures IS NOT NULL`,
    ).changes === 1
  );
}
