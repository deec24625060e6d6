import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';
import { type Camel, camelRow } from './camel-row.ts';
import type { Row } from './tables.ts';

type Raw = Omit<Row<'appointments'>, 'created_at'>;

export type AppointmentRow = Camel<Raw>;

/** Every column but created_at, under the keys of Raw. */
const SELECT = sql`SELECT id, code, category_id, slot_start, slot_end, phone, ticket_id FROM appointments`;

export function insertAppointment(db: Db, a: Omit<AppointmentRow, 'id' | 'ticketId'> & { createdAt: string }): number {
  return Number(
    run(
      db,
      sql`INSERT INTO appointments (code, category_id, slot_start, slot_end, phone, created_at) VALUES (${a.code}, ${a.categoryId}, ${a.slotStart}, ${a.slotEnd}, ${a.phone}, ${a.createdAt})`,
    ).lastInsertRowid,
  );
}

export function getAppointmentByCode(db: ReadDb, code: string): AppointmentRow | undefined {
  const raw = queryOne<Raw>(db, sql`${SELECT} WHERE code = ${code}`);
  return raw && camelRow(raw);
}

export function linkAppointmentTicket(db: Db, id: number, ticketId: number): boolean {
  return run(db, sql`UPDATE appointments SET ticket_id = ${ticketId} WHERE id = ${id} AND ticket_id IS NULL`).changes === 1;
}

/** Appointments whose slot starts in [from, to), by slot: the day's bookings for the manager. */
export function listAppointments(db: ReadDb, from: string, to: string): AppointmentRow[] {
  return query<Raw>(db, sql`${SELECT} WHERE slot_start >= ${from} AND slot_start < ${to} ORDER BY slot_start, id`).map(camelRow);
}
