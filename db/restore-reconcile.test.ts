import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './connection.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { reconcileRestore } from './restore-reconcile.ts';
import { query, run, sql } from './sql.ts';
import { insertStaff } from './staff.ts';
import { setStaffUtility } from './staff-profiles.ts';
import { scratchDatabase } from './testing/scratch-database.ts';

const now = '2026-11-25T02:00:00.000Z';
const restored = { backup: 'onewindow-2026-11-20.db', stagedAt: now, stagedBy: null, schemaVersion: 1 };

/** The database a restore replaced, at `version` migrations, with what was done since the backup. */
function replacedDatabase(version: number, since: (db: ReturnType<typeof openDatabase>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-replaced-'));
  dirs.push(dir);
  const file = join(dir, 'replaced.db');
  const db = openDatabase(file);
  migrate(db, migrations.slice(0, version));
  since(db);
  closeDatabase(db);
  return file;
}
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('reconcileRestore and the staff', () => {
  const db = scratchDatabase('reconcile');
  const staff = () => query<{ work_no: string; utility: string | null }>(db(), sql`SELECT work_no, utility FROM staff ORDER BY id`);

  it('brings back an account created since the backup with its utility; an older account keeps the restored profile', () => {
    insertStaff(db(), { workNo: 'C201', name: '李娜', passwordHash: 'h', roles: ['clerk'], now });
    const previous = replacedDatabase(migrations.length, (later) => {
      const kept = insertStaff(later, { workNo: 'C201', name: '李娜', passwordHash: 'h', roles: ['clerk'], now });
      setStaffUtility(later, kept.id, 'gas', now);
      const joiner = insertStaff(later, { workNo: 'C202', name: '周敏', passwordHash: 'h', roles: ['clerk'], now });
      setStaffUtility(later, joiner.id, 'water', now);
    });
    reconcileRestore(db(), previous, restored, now);
    expect(staff()).toEqual([
      { work_no: 'C201', utility: null },
      { work_no: 'C202', utility: 'water' },
    ]);
  });

  it('reads a replaced database from before staff had a utility', () => {
    const beforeUtility = migrations.findIndex((m) => m.version === 6);
    const previous = replacedDatabase(beforeUtility, (later) => {
      run(later, sql`INSERT INTO staff (work_no, name, password_hash, roles, created_at, updated_at) VALUES ('C203', '王芳', 'h', 'clerk', ${now}, ${now})`);
    });
    reconcileRestore(db(), previous, restored, now);
    expect(staff()).toEqual([{ work_no: 'C203', utility: null }]);
  });
});
