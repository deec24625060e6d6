import type { Db } from './connection.ts';
import { cached } from './statements.ts';

export type DeviceRole = 'kiosk' | 'display' | 'rate';

export type DeviceRow = {
  id: number;
  name: string;
  role: DeviceRole;
  counterId: number | null;
  pairedAt: string;
  revokedAt: string | null;
};

type RawDevice = {
  id: number;
  name: string;
  role: DeviceRole;
  counter_id: number | null;
  paired_at: string;
  revoked_at: string | null;
};

const toDevice = (raw: RawDevice): DeviceRow => ({
  id: raw.id,
  name: raw.name,
  role: raw.role,
  counterId: raw.counter_id,
  pairedAt: raw.paired_at,
  revokedAt: raw.revoked_at,
});

export type PairingCodeRow = {
  codeHash: string;
  role: DeviceRole;
  name: string;
  counterId: number | null;
  issuedBy: number;
  expiresAt: string;
  usedAt: string | null;
};

export function insertPairingCode(db: Db, code: Omit<PairingCodeRow, 'usedAt'>): void {
  cached(db, 
    `INSERT INTO pairing_codes (code_hash, role, name, counter_id, issued_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(code.codeHash, code.role, code.name, code.counterId, code.issuedBy, code.expiresAt);
}

/** Marks an unused, unexpired code as used and returns it; undefined when it cannot be used. */
export function consumePairingCode(db: Db, codeHash: string, now: string): PairingCodeRow | undefined {
  const raw = db
    .prepare(
      `UPDATE pairing_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?
       RETURNING code_hash, role, name, counter_id, issued_by, expires_at, used_at`,
    )
    .get(now, codeHash, now) as
    | { code_hash: string; role: DeviceRole; name: string; counter_id: number | null; issued_by: number; expires_at: string; used_at: string }
    | undefined;
  return (
    raw && {
      codeHash: raw.code_hash,
      role: raw.role,
      name: raw.name,
      counterId: raw.counter_id,
      issuedBy: raw.issued_by,
      expiresAt: raw.expires_at,
      usedAt: raw.used_at,
    }
  );
}

export function insertDevice(
  db: Db,
  device: { name: string; role: DeviceRole; counterId: number | null; pairedAt: string },
): DeviceRow {
  const info = db
    .prepare(`INSERT INTO devices (name, role, counter_id, paired_at) VALUES (?, ?, ?, ?)`)
    .run(device.name, device.role, device.counterId, device.pairedAt);
  const row = getDevice(db, Number(info.lastInsertRowid));
  if (!row) throw new Error('inserted device row vanished');
  return row;
}

export function getDevice(db: Db, id: number): DeviceRow | undefined {
  const raw = cached(db, 'SELECT * FROM devices WHERE id = ?').get(id) as RawDevice | undefined;
  return raw && toDevice(raw);
}

export function listDevices(db: Db): DeviceRow[] {
  return (cached(db, 'SELECT * FROM devices ORDER BY id').all() as RawDevice[]).map(toDevice);
}

export function setDeviceCounter(db: Db, id: number, counterId: number | null): void {
  cached(db, 'UPDATE devices SET counter_id = ? WHERE id = ?').run(counterId, id);
}

export function revokeDevice(db: Db, id: number, now: string): void {
  cached(db, 'UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
  cached(db, 'DELETE FROM sessions WHERE device_id = ?').run(id);
}
