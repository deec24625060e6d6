import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';
import { upsertRow } from './upsert-row.ts';

/** A staff member's utility (staff.utility) and photo (staff_photos), migration 0006. */
export type StaffProfile = { staffId: number; utility: string | null; hasPhoto: boolean };

export function listStaffProfiles(db: ReadDb): StaffProfile[] {
  return query<{
    staffId: number;
    utility: string | null;
    hasPhoto: number;
  }>(
    db,
    sql`SELECT s.id AS staffId, s.utility, (p.staff_id IS NOT NULL) AS hasPhoto FROM staff s LEFT JOIN staff_photos p ON p.staff_id = s.id ORDER BY s.id`,
  ).map((r) => ({ ...r, hasPhoto: r.hasPhoto === 1 }));
}

export function setStaffUtility(db: Db, staffId: number, utility: string | null, now: string): void {
  run(db, sql`UPDATE staff SET utility = ${utility}, updated_at = ${now} WHERE id = ${staffId}`);
}

export type PhotoMime = 'image/png' | 'image/jpeg' | 'image/webp';

export function setStaffPhoto(db: Db, staffId: number, photo: { mime: PhotoMime; data: Uint8Array } | null, now: string, by: number | null): void {
  if (photo === null) {
    run(db, sql`DELETE FROM staff_photos WHERE staff_id = ${staffId}`);
    return;
  }
  upsertRow(db, 'staff_photos', ['staff_id'], { staff_id: staffId, mime: photo.mime, data: Buffer.from(photo.data), updated_at: now, updated_by: by });
}

export function getStaffPhoto(db: ReadDb, staffId: number): { mime: PhotoMime; data: Buffer; sizeBytes: number } | undefined {
  const row = queryOne<{ mime: PhotoMime; data: Buffer }>(db, sql`SELECT mime, data FROM staff_photos WHERE staff_id = ${staffId}`);
  return row && { ...row, sizeBytes: row.data.byteLength };
}
