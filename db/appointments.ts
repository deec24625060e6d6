import type { Db } from './connection.ts';
import { cached } from './statements.ts';

export type AppointmentRow = { id: number; code: string; categoryId: number; slotStart: string; slotEnd: string; phone: string | null; ticketId: number | null };

export function insertAppointment(db: Db, a: Omit<AppointmentRow, 'id' | 'ticketId'> & { createdAt: string }): number {
  return Number(
    cached(db, 'INSERT INTO appointments (code, category_id, slot_start, slot_end, phone, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(a.code, a.categoryId, a.slotStart, a.slotEnd, a.phone, a.createdAt).lastInsertRowid,
  );
}

export function getAppointmentByCode(db: Db, code: string): AppointmentRow | undefined {
  const r = cached(db, 'SELECT * FROM appointments WHERE code = ?').get(code) as
    | { id: number; code: string; category_id: number; slot_start: string; slot_end: string; phone: string | null; ticket_id: number | null }
    | undefined;
  return r && { id: r.id, code: r.code, categoryId: r.category_id, slotStart: r.slot_start, slotEnd: r.slot_end, phone: r.phone, ticketId: r.ticket_id };
}

export function linkAppointmentTicket(db: Db, id: number, ticketId: number): boolean {
  return cached(db, 'UPDATE appointments SET ticket_id = ? WHERE id = ? AND ticket_id IS NULL').run(ticketId, id).changes === 1;
}

/** Appointments whose slot starts in [from, to), by slot: the day's bookings for the manager. */
export function listAppointments(db: Db, from: string, to: string): AppointmentRow[] {
  const rows = cached(db, 'SELECT * FROM appointments WHERE slot_start >= ? AND slot_start < ? ORDER BY slot_start, id').all(from, to) as {
    id: number;
    code: string;
    category_id: number;
    slot_start: string;
    slot_end: string;
    phone: string | null;
    ticket_id: number | null;
  }[];
  return rows.map((r) => ({ id: r.id, code: r.code, categoryId: r.category_id, slotStart: r.slot_start, slotEnd: r.slot_end, phone: r.phone, ticketId: r.ticket_id }));
}
