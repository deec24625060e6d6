import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { listStaff } from '../../db/staff.ts';
import { databaseFile } from '../../main/shared/data-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const setupAdmin = (dataDir: string, password: string, workNo = 'A001') =>
  spawnSync(process.execPath, ['main/server/setup-admin-cli.ts', '--data', dataDir, '--hall', '测试大厅', '--work-no', workNo, '--name', '王管理'], {
    cwd: root,
    env: { ...process.env, ONEWINDOW_ADMIN_PASSWORD: password },
    encoding: 'utf8',
    input: '',
  });

describe('npm run setup-admin', () => {
  it('creates the first administrator once, and refuses a weak password or a second run', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-cli-'));
    dirs.push(dataDir);

    const weak = setupAdmin(dataDir, 'short');
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain('password');

    const ok = setupAdmin(dataDir, 'Hall2026pass');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('A001');

    const again = setupAdmin(dataDir, 'Hall2026pass', 'A002');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('errors.alreadySetUp');

    const db = openDatabase(databaseFile(dataDir));
    const staff = listStaff(db);
    closeDatabase(db);
    expect(staff.map((s) => [s.workNo, s.roles])).toEqual([['A001', ['admin', 'manager']]]);
    expect(staff[0]?.passwordHash.startsWith('scrypt$')).toBe(true);
  });
});
