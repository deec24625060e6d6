import type { Db, ReadDb } from './connection.ts';
import { query, run, type Sql, sql } from './sql.ts';

/**
 * Every open deadline the hall counts in working days, with the day it is counted from: what a
 * newly imported holiday calendar may move (main/core/intake/deadline-recompute.ts). Only those
 * whose period reaches into [fromDay, toDay] are read.
 */
export type DeadlineKind = 'matter' | 'workOrder' | 'stage' | 'deferredMaterial' | 'complaint' | 'rectification' | 'followUpProblem';

export type OpenDeadline = { kind: DeadlineKind; id: number; baseDay: string; dueDay: string; label: string };

// Each kind: its open rows, the day its deadline counts from, and a label staff recognise
// (case number, complaint number…). Bound: the year's first and last day.
const openDeadlinesSql: Record<DeadlineKind, (fromDay: string, toDay: string) => Sql> = {
  matter: (fromDay, toDay) => sql`SELECT m.id, a.day AS baseDay, m.due_day AS dueDay, m.case_number AS label
             FROM application_matters m JOIN applications a ON a.id = m.application_id
             JOIN work_orders w ON w.application_id = m.application_id AND w.utility = m.utility
            WHERE w.status IN ('accepted', 'dispatched', 'taken') AND a.day <= ${toDay} AND m.due_day >= ${fromDay}`,
  workOrder: (fromDay, toDay) => sql`SELECT w.id, a.day AS baseDay, w.due_day AS dueDay, w.utility || ' #' || w.id AS label
                FROM work_orders w JOIN applications a ON a.id = w.application_id
               WHERE w.status IN ('accepted', 'dispatched', 'taken') AND a.day <= ${toDay} AND w.due_day >= ${fromDay}`,
  stage: (fromDay, toDay) => sql`SELECT s.id, a.day AS baseDay, s.due_day AS dueDay, m.case_number || ' ' || s.name_zh AS label
            FROM work_order_stages s JOIN work_orders w ON w.id = s.work_order_id
            JOIN applications a ON a.id = w.application_id JOIN application_matters m ON m.id = s.matter_id
           WHERE s.completed_at IS NULL AND w.status IN ('accepted', 'dispatched', 'taken') AND a.day <= ${toDay} AND s.due_day >= ${fromDay}`,
  deferredMaterial: (fromDay, toDay) => sql`SELECT id, promised_date AS baseDay, promised_date AS dueDay, name_zh AS label
                       FROM application_materials
                      WHERE state = 'deferred' AND supplied_at IS NULL AND promised_date BETWEEN ${fromDay} AND ${toDay}`,
  complaint: (fromDay, toDay) => sql`SELECT id, received_day AS baseDay, due_day AS dueDay, '#' || id AS label
                FROM complaints WHERE state <> 'closed' AND received_day <= ${toDay} AND due_day >= ${fromDay}`,
  rectification: (fromDay, toDay) => sql`SELECT x.id, r.day AS baseDay, x.due_day AS dueDay, '#' || x.id AS label
                    FROM rectifications x JOIN ratings r ON r.id = x.rating_id
                   WHERE x.closed_at IS NULL AND r.day <= ${toDay} AND x.due_day >= ${fromDay}`,
  followUpProblem: (fromDay, toDay) => sql`SELECT id, found_day AS baseDay, due_day AS dueDay, '#' || id AS label
                      FROM follow_up_problems WHERE closed_at IS NULL AND found_day <= ${toDay} AND due_day >= ${fromDay}`,
};

const updateDueSql: Record<DeadlineKind, (dueDay: string, id: number) => Sql> = {
  matter: (dueDay, id) => sql`UPDATE application_matters SET due_day = ${dueDay} WHERE id = ${id}`,
  workOrder: (dueDay, id) => sql`UPDATE work_orders SET due_day = ${dueDay} WHERE id = ${id}`,
  stage: (dueDay, id) => sql`UPDATE work_order_stages SET due_day = ${dueDay} WHERE id = ${id}`,
  deferredMaterial: (dueDay, id) => sql`UPDATE application_materials SET promised_date = ${dueDay} WHERE id = ${id}`,
  complaint: (dueDay, id) => sql`UPDATE complaints SET due_day = ${dueDay} WHERE id = ${id}`,
  rectification: (dueDay, id) => sql`UPDATE rectifications SET due_day = ${dueDay} WHERE id = ${id}`,
  followUpProblem: (dueDay, id) => sql`UPDATE follow_up_problems SET due_day = ${dueDay} WHERE id = ${id}`,
};

export const DEADLINE_KINDS: readonly DeadlineKind[] = ['matter', 'workOrder', 'stage', 'deferredMaterial', 'complaint', 'rectification', 'followUpProblem'];

export function listOpenDeadlines(db: ReadDb, kind: DeadlineKind, period: { fromDay: string; toDay: string }): OpenDeadline[] {
  const rows = query<Omit<OpenDeadline, 'kind'>>(db, openDeadlinesSql[kind](period.fromDay, period.toDay));
  return rows.map((row) => ({ kind, ...row }));
}

export function setDeadline(db: Db, kind: DeadlineKind, id: number, dueDay: string): void {
  run(db, updateDueSql[kind](dueDay, id));
}
