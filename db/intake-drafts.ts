import type { Db } from './connection.ts';
import { queryOne, run, sql } from './sql.ts';

export type DraftRow = { json: string; updatedAt: string };

export function getDraft(db: Db, staffId: number, counterId: number): DraftRow | undefined {
  return queryOne<DraftRow>(db, sql`SELECT json, updated_at AS updatedAt FROM intake_drafts WHERE staff_id = ${staffId} AND counter_id = ${counterId}`);
}

export function saveDraft(db: Db, d: { staffId: number; counterId: number; json: string; updatedAt: string }): void {
  run(
    db,
    sql`INSERT INTO intake_drafts (staff_id, counter_id, json, updated_at) VALUES (${d.staffId}, ${d.counterId}, ${d.json}, ${d.updatedAt})
     ON CONFLICT(staff_id, counter_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
  );
}

export function deleteDraft(db: Db, staffId: number, counterId: number): void {
  run(db, sql`DELETE FROM intake_drafts WHERE staff_id = ${staffId} AND counter_id = ${counterId}`);
}
