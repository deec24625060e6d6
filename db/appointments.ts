import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';

export type AppointmentRow = {
  id: number;
  code: string;
  categoryId: number;
  slotStart: string;
  slotEnd: string;
  phone: string | null;
  ticketId: number | null;
};

export function insertAppointment(db: Db, a: Omit<AppointmentRow, 'id' | 'ticketId'> & { createdAt: string }): number {
  return Number(
    run(
      db,
      sql`INSERT INTO appointments (code, category_id, slot_start, slot_end, phone, created_at) VALUES (${a.code}, ${a.categoryId}, ${a.slotStart}, ${a.slotEnd}, ${a.phone}, ${a.createdAt})`,
    ).lastInsertRowid,
  );
}

export function getAppointmentByCode(db: ReadDb, code: string): AppointmentRow | undefined {
  const r = queryOne<{ id: number; code: string; category_id: number; slot_start: string; slot_end: string; phone: string | null; ticket_id: number | null }>(
    db,
    sql`SELECT * FROM appointments WHERE code = ${code}`,
  );
  return r && { id: r.id, code: r.code, categoryId: r.category_id, slotStart: r.slot_start, slotEnd: r.slot_end, phone: r.phone, ticketId: r.ticket_id };
}

export function linkAppointmentTicket(db: Db, id: number, ticketId: number): boolean {
  return run(db, sql`UPDATE appointments SET ticket_id = ${ticketId} WHERE id = ${id} AND ticket_id IS NULL`).changes === 1;
}

/** Appointments whose slot starts in [from, to), by slot: the day's bookings for the manager. */
export function listAppointments(db: ReadDb, from: string, to: string): AppointmentRow[] {
  const rows = query<{
    id: number;
    code: string;
    category_id: number;
    slot_start: string;
    slot_end: string;
    phone: string | null;
    ticket_id: number | null;
  }>(db, sql`SELECT * FROM appointments WHERE slot_start >= ${from} AND slot_start < ${to} ORDER BY slot_start, id`);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    categoryId: r.category_id,
    slotStart: r.slot_start,
    slotEnd: r.slot_end,
    phone: r.phone,
    ticketId: r.ticket_id,
  }));
}
