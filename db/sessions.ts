import type { Db } from './connection.ts';
import { cached } from './statements.ts';

export type SessionRow = {
  tokenHash: string;
  staffId: number | null;
  deviceId: number | null;
  createdAt: string;
  expiresAt: string;
};

type RawSession = {
  token_hash: string;
  staff_id: number | null;
  device_id: number | null;
  created_at: string;
  expires_at: string;
};

export function insertSession(db: Db, session: SessionRow): void {
  cached(db, 
    `INSERT INTO sessions (token_hash, staff_id, device_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(session.tokenHash, session.staffId, session.deviceId, session.createdAt, session.expiresAt);
}

export function getSession(db: Db, tokenHash: string): SessionRow | undefined {
  const raw = cached(db, 'SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as RawSession | undefined;
  return (
    raw && {
      tokenHash: raw.token_hash,
      staffId: raw.staff_id,
      deviceId: raw.device_id,
      createdAt: raw.created_at,
      expiresAt: raw.expires_at,
    }
  );
}

export function extendSession(db: Db, tokenHash: string, expiresAt: string): void {
  cached(db, 'UPDATE sessions SET expires_at = ? WHERE token_hash = ?').run(expiresAt, tokenHash);
}

export function deleteSession(db: Db, tokenHash: string): void {
  cached(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

export function deleteSessionsOfStaff(db: Db, staffId: number): void {
  cached(db, 'DELETE FROM sessions WHERE staff_id = ?').run(staffId);
}

export function deleteExpiredSessions(db: Db, now: string): number {
  return cached(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
}
