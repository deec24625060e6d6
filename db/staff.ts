import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, querySingle, run, runReturningOne, sql } from './sql.ts';
import { parseJsonColumn } from './json-columns.ts';
import { z } from 'zod';
import type { Row } from './tables.ts';

export type StaffRole = 'clerk' | 'manager' | 'admin';
const roleList = z.array(z.enum(['clerk', 'manager', 'admin'])) satisfies z.ZodType<StaffRole[]>;

export type StaffRow = {
  id: number;
  workNo: string;
  name: string;
  passwordHash: string;
  roles: StaffRole[];
  active: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
};

type RawStaff = Row<'staff'>;

function toStaff(raw: RawStaff): StaffRow {
  return {
    id: raw.id,
    workNo: raw.work_no,
    name: raw.name,
    passwordHash: raw.password_hash,
    roles: parseJsonColumn(roleList, raw.roles),
    active: raw.active === 1,
    failedLogins: raw.failed_logins,
    lockedUntil: raw.locked_until,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

export function countStaff(db: ReadDb): number {
  return querySingle<{ n: number }>(db, sql`SELECT count(*) AS n FROM staff`).n;
}

export function insertStaff(db: Db, staff: { workNo: string; name: string; passwordHash: string; roles: StaffRole[]; now: string }): StaffRow {
  const info = run(
    db,
    sql`INSERT INTO staff (work_no, name, password_hash, roles, created_at, updated_at)
       VALUES (${staff.workNo}, ${staff.name}, ${staff.passwordHash}, ${JSON.stringify(staff.roles)}, ${staff.now}, ${staff.now})`,
  );
  const row = getStaffById(db, Number(info.lastInsertRowid));
  if (!row) throw new Error('inserted staff row vanished');
  return row;
}

export function getStaffById(db: ReadDb, id: number): StaffRow | undefined {
  // Every request's session and every counter of the overview read a staff row: compiled once.
  const raw = queryOne<RawStaff>(db, sql`SELECT * FROM staff WHERE id = ${id}`);
  return raw && toStaff(raw);
}

export function getStaffByWorkNo(db: ReadDb, workNo: string): StaffRow | undefined {
  const raw = queryOne<RawStaff>(db, sql`SELECT * FROM staff WHERE work_no = ${workNo}`);
  return raw && toStaff(raw);
}

/** Staff names by id, for the few staff holding counters: one read instead of one per counter. */
export function staffNames(db: ReadDb, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = query<{ id: number; name: string }>(db, sql`SELECT id, name FROM staff WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function listStaff(db: ReadDb): StaffRow[] {
  return query<RawStaff>(db, sql`SELECT * FROM staff ORDER BY work_no`).map(toStaff);
}

/**
 * Reserves one sign-in attempt before the password is checked, in one statement: it counts as
 * failed until resetFailedLogins says otherwise, and the attempt that reaches `maxFailures`
 * locks the account for the ones after it. Returns undefined while the account is locked, so a
 * burst of parallel guesses gets no more checks than the lock allows.
 */
export function reserveLoginAttempt(
  db: Db,
  id: number,
  now: string,
  policy: { maxFailures: number; lockUntil: string },
): { failures: number; lockedUntil: string | null } | undefined {
  const max = policy.maxFailures;
  return runReturningOne<{ failures: number; lockedUntil: string | null }>(
    db,
    sql`UPDATE staff SET
         failed_logins = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END,
         locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END) >= ${max} THEN ${policy.lockUntil} END,
         updated_at = ${now}
       WHERE id = ${id} AND (locked_until IS NULL OR locked_until <= ${now})
       RETURNING failed_logins AS failures, locked_until AS lockedUntil`,
  );
}

export function resetFailedLogins(db: Db, id: number, now: string): void {
  run(db, sql`UPDATE staff SET failed_logins = 0, locked_until = NULL, updated_at = ${now} WHERE id = ${id}`);
}

export function updateStaff(db: Db, id: number, changes: { name?: string; roles?: StaffRole[]; active?: boolean; passwordHash?: string }, now: string): void {
  const current = getStaffById(db, id);
  if (!current) return;
  run(
    db,
    sql`UPDATE staff SET name = ${changes.name ?? current.name}, roles = ${JSON.stringify(changes.roles ?? current.roles)}, active = ${(changes.active ?? current.active) ? 1 : 0}, password_hash = ${changes.passwordHash ?? current.passwordHash}, failed_logins = ${changes.passwordHash ? 0 : current.failedLogins},
       locked_until = ${changes.passwordHash ? null : current.lockedUntil}, updated_at = ${now} WHERE id = ${id}`,
  );
}
