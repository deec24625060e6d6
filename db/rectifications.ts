import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';
import { parseJsonColumn, stringList } from './json-columns.ts';
import { z } from 'zod';

const caseNumberList = z.array(z.looseObject({ caseNumber: z.string() }));

export type Verdict = 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'unreachable';

export type RectificationRow = {
  id: number;
  ratingId: number;
  openedAt: string;
  dueDay: string;
  assigneeStaffId: number | null;
  assignedBy: number | null;
  assignedAt: string | null;
  callAt: string | null;
  callBy: number | null;
  callNotes: string | null;
  measures: string | null;
  measuresAt: string | null;
  measuresBy: number | null;
  verdict: Verdict | null;
  verdictAt: string | null;
  closedAt: string | null;
  closedBy: number | null;
};

/** A task with what the manager's list shows of its rating: never who the customer was. */
export type RectificationListRow = RectificationRow & {
  level: number;
  ratingDay: string;
  ratedAt: string;
  channel: string;
  counterId: number | null;
  staffId: number | null;
  utilities: string[];
  caseNumbers: string[];
  comment: string | null;
  reasons: string[];
};

const SELECT_TASK = sql`SELECT r.id, r.rating_id, r.opened_at, r.due_day, r.assignee_staff_id, r.assigned_by, r.assigned_at, r.call_at, r.call_by, r.call_notes,
  r.measures, r.measures_at, r.measures_by, r.verdict, r.verdict_at, r.closed_at, r.closed_by,
  g.level, g.day AS rating_day, g.rated_at, g.channel, g.counter_id, g.staff_id, g.utilities, g.matters, g.comment,
  (SELECT json_group_array(reason) FROM rating_reasons WHERE rating_id = g.id) AS reasons
  FROM rectifications r JOIN ratings g ON g.id = r.rating_id`;

type Raw = {
  id: number;
  rating_id: number;
  opened_at: string;
  due_day: string;
  assignee_staff_id: number | null;
  assigned_by: number | null;
  assigned_at: string | null;
  call_at: string | null;
  call_by: number | null;
  call_notes: string | null;
  measures: string | null;
  measures_at: string | null;
  measures_by: number | null;
  verdict: Verdict | null;
  verdict_at: string | null;
  closed_at: string | null;
  closed_by: number | null;
  level: number;
  rating_day: string;
  rated_at: string;
  channel: string;
  counter_id: number | null;
  staff_id: number | null;
  utilities: string;
  matters: string;
  comment: string | null;
  reasons: string;
};

const toTask = (r: Raw): RectificationListRow => ({
  id: r.id,
  ratingId: r.rating_id,
  openedAt: r.opened_at,
  dueDay: r.due_day,
  assigneeStaffId: r.assignee_staff_id,
  assignedBy: r.assigned_by,
  assignedAt: r.assigned_at,
  callAt: r.call_at,
  callBy: r.call_by,
  callNotes: r.call_notes,
  measures: r.measures,
  measuresAt: r.measures_at,
  measuresBy: r.measures_by,
  verdict: r.verdict,
  verdictAt: r.verdict_at,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  level: r.level,
  ratingDay: r.rating_day,
  ratedAt: r.rated_at,
  channel: r.channel,
  counterId: r.counter_id,
  staffId: r.staff_id,
  utilities: parseJsonColumn(stringList, r.utilities),
  caseNumbers: parseJsonColumn(caseNumberList, r.matters).map((m) => m.caseNumber),
  comment: r.comment,
  reasons: parseJsonColumn(stringList, r.reasons).sort(),
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
