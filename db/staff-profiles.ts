import type { Db } from './connection.ts';

/** A staff member's utility (staff.utility) and photo (staff_photos), migration 0006. */
export type StaffProfile = { staffId: number; utility: string | null; hasPhoto: boolean };

export function listStaffProfiles(db: Db): StaffProfile[] {
  return (
    db.prepare(`SELECT s.id AS staffId, s.utility, (p.staff_id IS NOT NULL) AS hasPhoto FROM staff s LEFT JOIN staff_photos p ON p.staff_id = s.id ORDER BY s.id`).all() as {
      staffId: number;
      utility: string | null;
      hasPhoto: number;
    }[]
  ).map((r) => ({ ...r, hasPhoto: r.hasPhoto === 1 }));
}

export function setStaffUtility(db: Db, staffId: number, utility: string | null, now: string): void {
  db.prepare('UPDATE staff SET utility = ?, updated_at = ? WHERE id = ?').run(utility, now, staffId);
}

export type PhotoMime = 'image/png' | 'image/jpeg' | 'image/webp';

export function setStaffPhoto(db: Db, staffId: number, photo: { mime: PhotoMime; data: Uint8Array } | null, now: string, by: number | null): void {
  if (photo === null) {
    db.prepare('DELETE FROM staff_photos WHERE staff_id = ?').run(staffId);
    return;
  }
  db.prepare(
    `INSERT INTO staff_photos (staff_id, mime, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (staff_id) DO UPDATE SET mime = excluded.mime, data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(staffId, photo.mime, Buffer.from(photo.data), now, by);
}

export function getStaffPhoto(db: Db, staffId: number): { mime: PhotoMime; data: Buffer; sizeBytes: number } | undefined {
  const row = db.prepare('SELECT mime, data FROM staff_photos WHERE staff_id = ?').get(staffId) as { mime: PhotoMime; data: Buffer } | undefined;
  return row && { ...row, sizeBytes: row.data.byteLength };
}
