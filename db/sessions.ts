import type { Db } from './connection.ts';
import { queryOne, run, sql } from './sql.ts';
import type { Row } from './tables.ts';

export type SessionRow = {
  tokenHash: string;
  staffId: number | null;
  deviceId: number | null;
  createdAt: string;
  expiresAt: string;
};

type RawSession = Row<'sessions'>;

export function insertSession(db: Db, session: SessionRow): void {
  run(
    db,
    sql`INSERT INTO sessions (token_hash, staff_id, device_id, created_at, expires_at) VALUES (${session.tokenHash}, ${session.staffId}, ${session.deviceId}, ${session.createdAt}, ${session.expiresAt})`,
  );
}

export function getSession(db: Db, tokenHash: string): SessionRow | undefined {
  const raw = queryOne<RawSession>(db, sql`SELECT * FROM sessions WHERE token_hash = ${tokenHash}`);
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
  run(db, sql`UPDATE sessions SET expires_at = ${expiresAt} WHERE token_hash = ${tokenHash}`);
}

export function deleteSession(db: Db, tokenHash: string): void {
  run(db, sql`DELETE FROM sessions WHERE token_hash = ${tokenHash}`);
}

export function deleteSessionsOfStaff(db: Db, staffId: number): void {
  run(db, sql`DELETE FROM sessions WHERE staff_id = ${staffId}`);
}

export function deleteExpiredSessions(db: Db, now: string): number {
  return run(db, sql`DELETE FROM sessions WHERE expires_at <= ${now}`).changes;
}
