import type { Db } from './connection.ts';
import { queryOne, run, sql } from './sql.ts';
import { upsertRow } from './upsert-row.ts';

export type DraftRow = { json: string; updatedAt: string };

export function getDraft(db: Db, staffId: number, counterId: number): DraftRow | undefined {
  return queryOne<DraftRow>(db, sql`SELECT json, updated_at AS updatedAt FROM intake_drafts WHERE staff_id = ${staffId} AND counter_id = ${counterId}`);
}

export function saveDraft(db: Db, d: { staffId: number; counterId: number; json: string; updatedAt: string }): void {
  upsertRow(db, 'intake_drafts', ['staff_id', 'counter_id'], { staff_id: d.staffId, counter_id: d.counterId, json: d.json, updated_at: d.updatedAt });
}

export function deleteDraft(db: Db, staffId: number, counterId: number): void {
  run(db, sql`DELETE FROM intake_drafts WHERE staff_id = ${staffId} AND counter_id = ${counterId}`);
}
