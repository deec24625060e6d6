import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate, schemaVersion } from '../migrate.ts';
import { migration0001 } from './0001-foundation.ts';

let dir: string;
let db: Db;
const now = '2025-03-01T08:00:00.000Z';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0001-'));
  db = openDatabase(path.join(dir, 'hall.db'));
  migrate(db, [migration0001]);
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const addStaff = (workNo: string): number =>
  Number(
    db
      .prepare(`INSERT INTO staff (work_no, name, password_hash, roles, created_at, updated_at) VALUES (?, 'Li Na', 'x', '["clerk"]', ?, ?)`)
      .run(workNo, now, now).lastInsertRowid,
  );

const addDevice = (): number =>
  Number(db.prepare(`INSERT INTO devices (name, role, paired_at) VALUES ('Kiosk 1', 'kiosk', ?)`).run(now).lastInsertRowid);

const addSession = (token: string, staffId: number | null, deviceId: number | null) =>
  db
    .prepare(`INSERT INTO sessions (token_hash, staff_id, device_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`)
    .run(token, staffId, deviceId, now, now);

describe('migration 0001 foundation', () => {
  it('is version 1 and creates the foundation tables', () => {
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['audit_log', 'counters', 'devices', 'pairing_codes', 'sessions', 'settings', 'staff']);
    const indexes = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).pluck().all();
    expect(indexes).toEqual(['audit_log_at', 'sessions_expires']);
  });

  it('gives staff the columns the app reads, with safe defaults for new accounts', () => {
    const columns = db.prepare(`SELECT name FROM pragma_table_info('staff')`).pluck().all();
    expect(columns).toEqual(['id', 'work_no', 'name', 'password_hash', 'roles', 'active', 'failed_logins', 'locked_until', 'created_at', 'updated_at']);
    const id = addStaff('A001');
    expect(db.prepare('SELECT active, failed_logins, locked_until FROM staff WHERE id = ?').get(id)).toEqual({
      active: 1,
      failed_logins: 0,
      locked_until: null,
    });
  });

  it('keeps staff work numbers unique', () => {
    addStaff('A001');
    expect(() => addStaff('A001')).toThrow(/UNIQUE constraint failed: staff\.work_no/);
  });

  it('accepts only closed, open or paused as a counter status, closed by default', () => {
    const add = (number: number, status?: string) =>
      status === undefined
        ? db.prepare(`INSERT INTO counters (number, name, created_at) VALUES (?, 'Window', ?)`).run(number, now)
        : db.prepare(`INSERT INTO counters (number, name, status, created_at) VALUES (?, 'Window', ?, ?)`).run(number, status, now);
    add(1);
    add(2, 'open');
    add(3, 'paused');
    expect(() => add(4, 'broken')).toThrow(/CHECK constraint failed/);
    expect(() => add(1, 'open')).toThrow(/UNIQUE constraint failed: counters\.number/);
    expect(db.prepare('SELECT status FROM counters ORDER BY number').pluck().all()).toEqual(['closed', 'open', 'paused']);
  });

  it('accepts only known device roles', () => {
    expect(() => db.prepare(`INSERT INTO devices (name, role, paired_at) VALUES ('x', 'printer', ?)`).run(now)).toThrow(/CHECK constraint failed/);
  });

  it('requires a session to belong to exactly one of a staff member or a device', () => {
    const staffId = addStaff('A001');
    const deviceId = addDevice();
    addSession('staff-token', staffId, null);
    addSession('device-token', null, deviceId);
    expect(() => addSession('both', staffId, deviceId)).toThrow(/CHECK constraint failed/);
    expect(() => addSession('neither', null, null)).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(2);
  });

  it('enforces the foreign keys of sessions', () => {
    expect(() => addSession('ghost-staff', 999, null)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => addSession('ghost-device', null, 999)).toThrow(/FOREIGN KEY constraint failed/);
    const staffId = addStaff('A001');
    addSession('staff-token', staffId, null);
    // A staff member with sessions cannot vanish from under them.
    expect(() => db.prepare('DELETE FROM staff WHERE id = ?').run(staffId)).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('ties a pairing code to the staff member who issued it', () => {
    const insert = (issuedBy: number) =>
      db
        .prepare(`INSERT INTO pairing_codes (code_hash, role, name, issued_by, expires_at) VALUES (?, 'kiosk', 'Kiosk', ?, ?)`)
        .run(`code-${issuedBy}`, issuedBy, now);
    expect(() => insert(999)).toThrow(/FOREIGN KEY constraint failed/);
    insert(addStaff('A001'));
  });

  it('stores tables STRICT, so a wrong type is refused instead of silently kept', () => {
    expect(() =>
      db.prepare(`INSERT INTO counters (number, name, created_at) VALUES ('three', 'Window', ?)`).run(now),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
