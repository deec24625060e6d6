import type { Db } from './connection.ts';

export type DraftRow = { json: string; updatedAt: string };

export function getDraft(db: Db, staffId: number, counterId: number): DraftRow | undefined {
  return db.prepare('SELECT json, updated_at AS updatedAt FROM intake_drafts WHERE staff_id = ? AND counter_id = ?').get(staffId, counterId) as DraftRow | undefined;
}

export function saveDraft(db: Db, d: { staffId: number; counterId: number; json: string; updatedAt: string }): void {
  db.prepare(
    `INSERT INTO intake_drafts (staff_id, counter_id, json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(staff_id, counter_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
  ).run(d.staffId, d.counterId, d.json, d.updatedAt);
}

export function deleteDraft(db: Db, staffId: number, counterId: number): void {
  db.prepare('DELETE FROM intake_drafts WHERE staff_id = ? AND counter_id = ?').run(staffId, counterId);
}
