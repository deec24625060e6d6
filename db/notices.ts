import type { Db, ReadDb } from './connection.ts';
import { query, run, sql } from './sql.ts';

export type NoticeRow = { id: number; textZh: string; textEn: string; active: boolean; sortOrder: number };

export function listNotices(db: ReadDb, onlyActive: boolean): NoticeRow[] {
  const rows = query<{ id: number; text_zh: string; text_en: string; active: number; sort_order: number }>(
    db,
    sql`SELECT id, text_zh, text_en, active, sort_order FROM notices WHERE (${onlyActive ? 1 : 0} = 0 OR active = 1) ORDER BY sort_order, id`,
  );
  return rows.map((r) => ({ id: r.id, textZh: r.text_zh, textEn: r.text_en, active: r.active === 1, sortOrder: r.sort_order }));
}

export function saveNotice(db: Db, n: Omit<NoticeRow, 'id'> & { id?: number | undefined }): number {
  if (n.id === undefined) {
    return Number(
      run(db, sql`INSERT INTO notices (text_zh, text_en, active, sort_order) VALUES (${n.textZh}, ${n.textEn}, ${n.active ? 1 : 0}, ${n.sortOrder})`)
        .lastInsertRowid,
    );
  }
  run(db, sql`UPDATE notices SET text_zh = ${n.textZh}, text_en = ${n.textEn}, active = ${n.active ? 1 : 0}, sort_order = ${n.sortOrder} WHERE id = ${n.id}`);
  return n.id;
}

export function deleteNotice(db: Db, id: number): void {
  run(db, sql`DELETE FROM notices WHERE id = ${id}`);
}
