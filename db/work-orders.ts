import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';

export type WorkOrderStatus = 'accepted' | 'dispatched' | 'taken' | 'completed' | 'returned';
export type WorkOrderEventSource = 'window' | 'manager' | 'sync';

export type WorkOrderRow = {
  id: number;
  applicationId: number;
  utility: string;
  status: WorkOrderStatus;
  dueDay: string;
  createdAt: string;
  updatedAt: string;
};

const WORK_ORDER_COLUMNS = sql`id, application_id AS applicationId, utility, status, due_day AS dueDay, created_at AS createdAt, updated_at AS updatedAt`;

export function insertWorkOrder(db: Db, w: { applicationId: number; utility: string; dueDay: string; at: string }): number {
  return Number(
    run(
      db,
      sql`INSERT INTO work_orders (application_id, utility, status, due_day, created_at, updated_at) VALUES (${w.applicationId}, ${w.utility}, 'accepted', ${w.dueDay}, ${w.at}, ${w.at})`,
    ).lastInsertRowid,
  );
}

export function getWorkOrder(db: ReadDb, id: number): WorkOrderRow | undefined {
  return queryOne<WorkOrderRow>(db, sql`SELECT ${WORK_ORDER_COLUMNS} FROM work_orders WHERE id = ${id}`);
}

export function listWorkOrders(db: ReadDb, applicationId: number): WorkOrderRow[] {
  return query<WorkOrderRow>(db, sql`SELECT ${WORK_ORDER_COLUMNS} FROM work_orders WHERE application_id = ${applicationId} ORDER BY id`);
}

/** Moves a work order on, only from the status it was read in; false when someone else moved it first. */
export function updateWorkOrderStatus(db: Db, id: number, from: WorkOrderStatus, to: WorkOrderStatus, at: string): boolean {
  return run(db, sql`UPDATE work_orders SET status = ${to}, updated_at = ${at} WHERE id = ${id} AND status = ${from}`).changes === 1;
}

export function appendWorkOrderEvent(
  db: Db,
  e: {
    workOrderId: number;
    from: WorkOrderStatus | null;
    to: WorkOrderStatus;
    at: string;
    staffId: number | null;
    source: WorkOrderEventSource;
    note: string | null;
  },
): void {
  run(
    db,
    sql`INSERT INTO work_order_events (work_order_id, from_status, to_status, at, staff_id, source, note) VALUES (${e.workOrderId}, ${e.from}, ${e.to}, ${e.at}, ${e.staffId}, ${e.source}, ${e.note})`,
  );
}

export type WorkOrderEventRow = {
  workOrderId: number;
  from: WorkOrderStatus | null;
  to: WorkOrderStatus;
  at: string;
  source: WorkOrderEventSource;
  note: string | null;
};

export function listWorkOrderEvents(db: ReadDb, applicationId: number): WorkOrderEventRow[] {
  return query<WorkOrderEventRow>(
    db,
    sql`SELECT e.work_order_id AS workOrderId, e.from_status AS "from", e.to_status AS "to", e.at, e.source, e.note
       FROM work_order_events e JOIN work_orders w ON w.id = e.work_order_id
       WHERE w.application_id = ${applicationId} ORDER BY e.id`,
  );
}

// ---------------------------------------------------------------- stages

export type StageRow = {
  id: number;
  workOrderId: number;
  matterId: number;
  seq: number;
  code: string;
  nameZh: string;
  nameEn: string;
  limitWorkingDays: number;
  dueDay: string;
  completedAt: string | null;
};

const STAGE_COLUMNS = sql`id, work_order_id AS workOrderId, matter_id AS matterId, seq, code, name_zh AS nameZh, name_en AS nameEn,
  limit_working_days AS limitWorkingDays, due_day AS dueDay, completed_at AS completedAt`;

export function insertStage(db: Db, s: Omit<StageRow, 'id' | 'completedAt'>): void {
  run(
    db,
    sql`INSERT INTO work_order_stages (work_order_id, matter_id, seq, code, name_zh, name_en, limit_working_days, due_day)
     VALUES (${s.workOrderId}, ${s.matterId}, ${s.seq}, ${s.code}, ${s.nameZh}, ${s.nameEn}, ${s.limitWorkingDays}, ${s.dueDay})`,
  );
}

export function listStages(db: ReadDb, applicationId: number): StageRow[] {
  return query<StageRow>(
    db,
    sql`SELECT ${STAGE_COLUMNS} FROM work_order_stages
       WHERE work_order_id IN (SELECT id FROM work_orders WHERE application_id = ${applicationId}) ORDER BY matter_id, seq`,
  );
}

/** Marks the named stages of a work order completed (every open one when `codes` is null). */
export function completeStages(db: Db, workOrderId: number, at: string, codes: readonly string[] | null): void {
  if (codes === null) {
    run(db, sql`UPDATE work_order_stages SET completed_at = ${at} WHERE work_order_id = ${workOrderId} AND completed_at IS NULL`);
    return;
  }
  for (const code of codes)
    run(db, sql`UPDATE work_order_stages SET completed_at = ${at} WHERE work_order_id = ${workOrderId} AND code = ${code} AND completed_at IS NULL`);
}

// ---------------------------------------------------------------- deadlines due soon or past

export type DueWorkOrderRow = { workOrderId: number; applicationId: number; utility: string; status: WorkOrderStatus; dueDay: string; caseNumbers: string };
export type DueStageRow = DueWorkOrderRow & {
  stageCode: string;
  stageNameZh: string;
  stageNameEn: string;
  stageDueDay: string;
  caseNumber: string;
  businessCode: string;
};

/** Open work orders due on or before `cutoff` (earliest first). */
export function openWorkOrdersDueBy(db: ReadDb, cutoff: string, limit: number): DueWorkOrderRow[] {
  return query<DueWorkOrderRow>(
    db,
    sql`SELECT w.id AS workOrderId, w.application_id AS applicationId, w.utility, w.status, w.due_day AS dueDay,
              (SELECT group_concat(m.case_number, ',') FROM application_matters m WHERE m.application_id = w.application_id AND m.utility = w.utility) AS caseNumbers
       FROM work_orders w
       WHERE w.status IN ('accepted', 'dispatched', 'taken') AND w.due_day <= ${cutoff}
       ORDER BY w.due_day, w.id LIMIT ${limit}`,
  );
}

/** Stages not yet completed, of open work orders, due on or before `cutoff` (earliest first). */
export function openStagesDueBy(db: ReadDb, cutoff: string, limit: number): DueStageRow[] {
  return query<DueStageRow>(
    db,
    sql`SELECT w.id AS workOrderId, w.application_id AS applicationId, w.utility, w.status, w.due_day AS dueDay, m.case_number AS caseNumbers,
              s.code AS stageCode, s.name_zh AS stageNameZh, s.name_en AS stageNameEn, s.due_day AS stageDueDay,
              m.case_number AS caseNumber, m.business_code AS businessCode
       FROM work_order_stages s
       JOIN work_orders w ON w.id = s.work_order_id
       JOIN application_matters m ON m.id = s.matter_id
       WHERE s.completed_at IS NULL AND s.due_day <= ${cutoff} AND w.status IN ('accepted', 'dispatched', 'taken')
       ORDER BY s.due_day, s.id LIMIT ${limit}`,
  );
}
