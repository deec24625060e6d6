import type { Db } from './connection.ts';
import { cached } from './statements.ts';

export type NoticeRow = { id: number; textZh: string; textEn: string; active: boolean; sortOrder: number };

export function listNotices(db: Db, onlyActive: boolean): NoticeRow[] {
  const rows = cached(db, 'SELECT id, text_zh, text_en, active, sort_order FROM notices WHERE (? = 0 OR active = 1) ORDER BY sort_order, id')
    .all(onlyActive ? 1 : 0) as { id: number; text_zh: string; text_en: string; active: number; sort_order: number }[];
  return rows.map((r) => ({ id: r.id, textZh: r.text_zh, textEn: r.text_en, active: r.active === 1, sortOrder: r.sort_order }));
}

export function saveNotice(db: Db, n: Omit<NoticeRow, 'id'> & { id?: number | undefined }): number {
  if (n.id === undefined) {
    return Number(cached(db, 'INSERT INTO notices (text_zh, text_en, active, sort_order) VALUES (?, ?, ?, ?)').run(n.textZh, n.textEn, n.active ? 1 : 0, n.sortOrder).lastInsertRowid);
  }
  cached(db, 'UPDATE notices SET text_zh = ?, text_en = ?, active = ?, sort_order = ? WHERE id = ?').run(n.textZh, n.textEn, n.active ? 1 : 0, n.sortOrder, n.id);
  return n.id;
}

export function deleteNotice(db: Db, id: number): void {
  cached(db, 'DELETE FROM notices WHERE id = ?').run(id);
}
