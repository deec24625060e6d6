import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, runReturningOne, sql } from './sql.ts';
import { type Camel, camelRow } from './camel-row.ts';
import type { Row } from './tables.ts';

export type DeviceRole = 'kiosk' | 'display' | 'rate';

export type DeviceRow = Camel<Row<'devices'>>;

export type PairingCodeRow = Camel<Row<'pairing_codes'>>;

export function insertPairingCode(db: Db, code: Omit<PairingCodeRow, 'usedAt'>): void {
  run(
    db,
    sql`INSERT INTO pairing_codes (code_hash, role, name, counter_id, issued_by, expires_at) VALUES (${code.codeHash}, ${code.role}, ${code.name}, ${code.counterId}, ${code.issuedBy}, ${code.expiresAt})`,
  );
}

/** Marks an unused, unexpired code as used and returns it; undefined when it cannot be used. */
export function consumePairingCode(db: Db, codeHash: string, now: string): PairingCodeRow | undefined {
  const raw = runReturningOne<Row<'pairing_codes'>>(
    db,
    sql`UPDATE pairing_codes SET used_at = ${now} WHERE code_hash = ${codeHash} AND used_at IS NULL AND expires_at > ${now} RETURNING *`,
  );
  return raw && camelRow(raw);
}

export function insertDevice(db: Db, device: { name: string; role: DeviceRole; counterId: number | null; pairedAt: string }): DeviceRow {
  const info = run(
    db,
    sql`INSERT INTO devices (name, role, counter_id, paired_at) VALUES (${device.name}, ${device.role}, ${device.counterId}, ${device.pairedAt})`,
  );
  const row = getDevice(db, Number(info.lastInsertRowid));
  if (!row) throw new Error('inserted device row vanished');
  return row;
}

export function getDevice(db: ReadDb, id: number): DeviceRow | undefined {
  const raw = queryOne<Row<'devices'>>(db, sql`SELECT * FROM devices WHERE id = ${id}`);
  return raw && camelRow(raw);
}

export function listDevices(db: ReadDb): DeviceRow[] {
  return query<Row<'devices'>>(db, sql`SELECT * FROM devices ORDER BY id`).map(camelRow);
}

export function setDeviceCounter(db: Db, id: number, counterId: number | null): void {
  run(db, sql`UPDATE devices SET counter_id = ${counterId} WHERE id = ${id}`);
}

export function revokeDevice(db: Db, id: number, now: string): void {
  run(db, sql`UPDATE devices SET revoked_at = ${now} WHERE id = ${id} AND revoked_at IS NULL`);
  run(db, sql`DELETE FROM sessions WHERE device_id = ${id}`);
}
