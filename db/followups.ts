import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, querySingle, run, sql } from './sql.ts';
import { parseJsonColumn, numberList, stringList } from './json-columns.ts';

/** The follow-up ledger (回访), migration 0006: sampling rules, monthly tasks, results and problems. */
export type CustomerKind = 'person' | 'enterprise';
export type FollowUpRuleRow = {
  id: number;
  utility: string | null;
  customerKind: CustomerKind | null;
  businessKind: string | null;
  percent: number;
  active: boolean;
  source: string;
  updatedAt: string;
};

const RULE = sql`SELECT id, utility, customer_kind AS customerKind, business_kind AS businessKind, percent, active, source, updated_at AS updatedAt FROM follow_up_rules`;

const toRule = (r: Omit<FollowUpRuleRow, 'active'> & { active: number }): FollowUpRuleRow => ({ ...r, active: r.active === 1 });

export function listRules(db: ReadDb): FollowUpRuleRow[] {
  return query<Omit<FollowUpRuleRow, 'active'> & { active: number }>(db, sql`${RULE} ORDER BY id`).map(toRule);
}

export function getRule(db: ReadDb, id: number): FollowUpRuleRow | undefined {
  const raw = queryOne<Omit<FollowUpRuleRow, 'active'> & { active: number }>(db, sql`${RULE} WHERE id = ${id}`);
  return raw && toRule(raw);
}

export type RuleFields = { utility: string | null; customerKind: CustomerKind | null; businessKind: string | null; percent: number; active: boolean };

export function insertRule(db: Db, r: RuleFields, now: string): number {
  return Number(
    run(
      db,
      sql`INSERT INTO follow_up_rules (utility, customer_kind, business_kind, percent, active, source, created_at, updated_at) VALUES (${r.utility}, ${r.customerKind}, ${r.businessKind}, ${r.percent}, ${r.active ? 1 : 0}, 'manager', ${now}, ${now})`,
    ).lastInsertRowid,
  );
}

export function updateRule(db: Db, id: number, r: RuleFields, now: string): void {
  run(
    db,
    sql`UPDATE follow_up_rules SET utility = ${r.utility}, customer_kind = ${r.customerKind}, business_kind = ${r.businessKind}, percent = ${r.percent}, active = ${r.active ? 1 : 0}, updated_at = ${now} WHERE id = ${id}`,
  );
}

/** One work order of the month's applications: the unit a follow-up samples. */
export type PopulationRow = {
  workOrderId: number;
  applicationId: number;
  utility: string;
  customerId: number;
  customerKind: CustomerKind;
  catalogueVersion: number;
  businessCodes: string[];
};

/** Work orders of applications accepted on hall days `fromDay`..`toDay`, with the businesses of their utility. */
export function workOrdersAccepted(db: ReadDb, fromDay: string, toDay: string): PopulationRow[] {
  const rows = query<Omit<PopulationRow, 'businessCodes'> & { codes: string }>(
    db,
    sql`SELECT w.id AS workOrderId, a.id AS applicationId, w.utility, a.customer_id AS customerId, c.kind AS customerKind,
         a.catalogue_version AS catalogueVersion,
         (SELECT json_group_array(m.business_code) FROM application_matters m WHERE m.application_id = a.id AND m.utility = w.utility) AS codes
       FROM applications a
       JOIN work_orders w ON w.application_id = a.id
       JOIN customers c ON c.id = a.customer_id
       WHERE a.day BETWEEN ${fromDay} AND ${toDay}
       ORDER BY w.id`,
  );
  return rows.map(({ codes, ...row }) => ({ ...row, businessCodes: parseJsonColumn(stringList, codes) }));
}

/** Adds the task unless the work order already has one this month; either way returns its id. */
export function ensureTask(
  db: Db,
  t: Omit<PopulationRow, 'catalogueVersion' | 'businessCodes'> & { period: string; generatedAt: string },
): { id: number; created: boolean } {
  const info = run(
    db,
    sql`INSERT INTO follow_up_tasks (period, work_order_id, application_id, utility, customer_id, customer_kind, generated_at)
       VALUES (${t.period}, ${t.workOrderId}, ${t.applicationId}, ${t.utility}, ${t.customerId}, ${t.customerKind}, ${t.generatedAt}) ON CONFLICT (period, work_order_id) DO NOTHING`,
  );
  if (info.changes === 1) return { id: Number(info.lastInsertRowid), created: true };
  const row = querySingle<{ id: number }>(db, sql`SELECT id FROM follow_up_tasks WHERE period = ${t.period} AND work_order_id = ${t.workOrderId}`);
  return { id: row.id, created: false };
}

export function linkTaskRule(db: Db, taskId: number, ruleId: number): void {
  run(db, sql`INSERT INTO follow_up_task_rules (task_id, rule_id) VALUES (${taskId}, ${ruleId}) ON CONFLICT DO NOTHING`);
}

export type TaskState = 'open' | 'done' | 'unreachable';
export type FollowUpTaskRow = {
  id: number;
  period: string;
  workOrderId: number;
  applicationId: number;
  utility: string;
  customerId: number;
  customerKind: CustomerKind;
  customerName: string;
  customerPhone: string;
  caseNumbers: string[];
  businessCodes: string[];
  applicationDay: string;
  ruleIds: number[];
  generatedAt: string;
  state: TaskState;
  method: 'phone' | 'visit' | null;
  satisfaction: number | null;
  notes: string | null;
  doneAt: string | null;
  doneDay: string | null;
  doneBy: number | null;
};

const TASK = sql`SELECT t.id, t.period, t.work_order_id AS workOrderId, t.application_id AS applicationId, t.utility, t.customer_id AS customerId,
    t.customer_kind AS customerKind, c.name AS customerName, c.phone AS customerPhone, a.day AS applicationDay,
    (SELECT json_group_array(m.case_number) FROM application_matters m WHERE m.application_id = t.application_id AND m.utility = t.utility) AS caseNumbers,
    (SELECT json_group_array(m.business_code) FROM application_matters m WHERE m.application_id = t.application_id AND m.utility = t.utility) AS businessCodes,
    (SELECT json_group_array(r.rule_id) FROM follow_up_task_rules r WHERE r.task_id = t.id) AS ruleIds,
    t.generated_at AS generatedAt, t.state, t.method, t.satisfaction, t.notes, t.done_at AS doneAt, t.done_day AS doneDay, t.done_by AS doneBy
  FROM follow_up_tasks t JOIN customers c ON c.id = t.customer_id JOIN applications a ON a.id = t.application_id`;

type RawTask = Omit<FollowUpTaskRow, 'caseNumbers' | 'businessCodes' | 'ruleIds'> & { caseNumbers: string; businessCodes: string; ruleIds: string };

const toTask = (r: RawTask): FollowUpTaskRow => ({
  ...r,
  caseNumbers: parseJsonColumn(stringList, r.caseNumbers),
  businessCodes: parseJsonColumn(stringList, r.businessCodes),
  ruleIds: parseJsonColumn(numberList, r.ruleIds).sort((a, b) => a - b),
});

export function listTasks(db: ReadDb, period: string): FollowUpTaskRow[] {
  return query<RawTask>(db, sql`${TASK} WHERE t.period = ${period} ORDER BY t.id`).map(toTask);
}

export function getTask(db: ReadDb, id: number): FollowUpTaskRow | undefined {
  const raw = queryOne<RawTask>(db, sql`${TASK} WHERE t.id = ${id}`);
  return raw && toTask(raw);
}

export function recordTaskResult(
  db: Db,
  id: number,
  r: {
    state: Exclude<TaskState, 'open'>;
    method: 'phone' | 'visit';
    satisfaction: number | null;
    notes: string | null;
    doneAt: string;
    doneDay: string;
    doneBy: number | null;
  },
): void {
  run(
    db,
    sql`UPDATE follow_up_tasks SET state = ${r.state}, method = ${r.method}, satisfaction = ${r.satisfaction}, notes = ${r.notes}, done_at = ${r.doneAt}, done_day = ${r.doneDay}, done_by = ${r.doneBy} WHERE id = ${id}`,
  );
}

export type ProblemRow = {
  id: number;
  taskId: number;
  description: string;
  foundDay: string;
  dueDay: string;
  closedAt: string | null;
  closedDay: string | null;
  closedBy: number | null;
  resolution: string | null;
};

const PROBLEM = sql`SELECT id, task_id AS taskId, description, found_day AS foundDay, due_day AS dueDay, closed_at AS closedAt, closed_day AS closedDay, closed_by AS closedBy, resolution FROM follow_up_problems`;

export function insertProblem(db: Db, p: { taskId: number; description: string; foundDay: string; dueDay: string }): number {
  return Number(
    run(db, sql`INSERT INTO follow_up_problems (task_id, description, found_day, due_day) VALUES (${p.taskId}, ${p.description}, ${p.foundDay}, ${p.dueDay})`)
      .lastInsertRowid,
  );
}

export function getProblem(db: ReadDb, id: number): ProblemRow | undefined {
  return queryOne<ProblemRow>(db, sql`${PROBLEM} WHERE id = ${id}`);
}

export function closeProblem(db: Db, id: number, c: { resolution: string; closedAt: string; closedDay: string; closedBy: number | null }): void {
  run(
    db,
    sql`UPDATE follow_up_problems SET resolution = ${c.resolution}, closed_at = ${c.closedAt}, closed_day = ${c.closedDay}, closed_by = ${c.closedBy} WHERE id = ${id} AND closed_at IS NULL`,
  );
}

export function listProblemsOfTask(db: ReadDb, taskId: number): ProblemRow[] {
  return query<ProblemRow>(db, sql`${PROBLEM} WHERE task_id = ${taskId} ORDER BY id`);
}

/** Problems of the period's tasks, and any still open from earlier periods. */
export function listProblems(db: ReadDb, period: string): (ProblemRow & { utility: string; period: string })[] {
  return query<ProblemRow & { utility: string; period: string }>(
    db,
    sql`SELECT p.id, p.task_id AS taskId, p.description, p.found_day AS foundDay, p.due_day AS dueDay, p.closed_at AS closedAt, p.closed_day AS closedDay,
         p.closed_by AS closedBy, p.resolution, t.utility, t.period
       FROM follow_up_problems p JOIN follow_up_tasks t ON t.id = p.task_id
       WHERE t.period = ${period} OR (p.closed_at IS NULL AND t.period < ${period})
       ORDER BY p.due_day, p.id`,
  );
}

export type FollowUpCounts = {
  tasksDone: number;
  tasksUnreachable: number;
  tasksOpen: number;
  problemsFound: number;
  problemsDue: number;
  problemsClosed: number;
  problemsClosedLate: number;
  problemsOpenOverdue: number;
};

/** Hall days `from`..`to`, inclusive; open tasks are those generated by the end of the period and not done by then. */
export function countFollowUps(db: ReadDb, from: string, to: string, toEndIso: string): FollowUpCounts {
  return querySingle<FollowUpCounts>(
    db,
    sql`SELECT
         (SELECT count(*) FROM follow_up_tasks WHERE state = 'done' AND done_day BETWEEN ${from} AND ${to}) AS tasksDone,
         (SELECT count(*) FROM follow_up_tasks WHERE state = 'unreachable' AND done_day BETWEEN ${from} AND ${to}) AS tasksUnreachable,
         (SELECT count(*) FROM follow_up_tasks WHERE generated_at < ${toEndIso} AND (done_day IS NULL OR done_day > ${to})) AS tasksOpen,
         (SELECT count(*) FROM follow_up_problems WHERE found_day BETWEEN ${from} AND ${to}) AS problemsFound,
         (SELECT count(*) FROM follow_up_problems WHERE due_day BETWEEN ${from} AND ${to}) AS problemsDue,
         (SELECT count(*) FROM follow_up_problems WHERE closed_day BETWEEN ${from} AND ${to}) AS problemsClosed,
         (SELECT count(*) FROM follow_up_problems WHERE closed_day BETWEEN ${from} AND ${to} AND closed_day > due_day) AS problemsClosedLate,
         (SELECT count(*) FROM follow_up_problems WHERE found_day <= ${to} AND (closed_day IS NULL OR closed_day > ${to}) AND due_day < ${to}) AS problemsOpenOverdue`,
  );
}
