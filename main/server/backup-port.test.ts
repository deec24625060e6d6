import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MANUAL, DEFAULT_SCHEDULED } from '../../db/backup-retention.ts';
import { insertStaff } from '../../db/staff.ts';
import { openStaffSession } from '../core/auth/sessions.ts';
import { openTestHall, type TestHall, unwrap } from '../core/testing.ts';
import { createBackupPort } from './backup-port.ts';
import { createBackupKeys } from './backup-key.ts';
import { createSecretBox } from '../utility-link/secret-box.ts';

let hall: TestHall | undefined;
let dir: string | undefined;
afterEach(() => {
  hall?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('backups made by hand', () => {
  it('are spaced five minutes apart, so a burst of clicks makes one copy', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-manual-'));
    let now = () => new Date();
    const backups = { current: undefined as ReturnType<typeof createBackupPort> | undefined };
    hall = openTestHall({
      ports: {
        backups: {
          list: () => backups.current!.list(),
          runNow: () => backups.current!.runNow(),
          stageRestore: (name, by, password) => backups.current!.stageRestore(name, by, password),
          cancelRestore: () => backups.current!.cancelRestore(),
          setPassword: (password, at) => backups.current!.setPassword(password, at),
        },
      },
    });
    const h = hall;
    now = () => h.now();
    backups.current = createBackupPort({
      db: h.db,
      databaseFile: h.db.name,
      policy: { dir, scheduled: DEFAULT_SCHEDULED, manual: DEFAULT_MANUAL, manualEveryMinutes: 5 },
      clock: { now: () => now() },
      keys: createBackupKeys({ db: h.db, box: createSecretBox({ keyFile: path.join(dir, 'secret.key') }) }),
    });
    const staff = insertStaff(h.db, { workNo: 'M001', name: 'Manager', passwordHash: 'unused', roles: ['manager'], now: h.now().toISOString() });
    const manager = openStaffSession(h.db, h.core.deps.clock, h.core.deps.sessionPolicy, staff.id).token;

    const first = unwrap(await h.core.send('backups/run', {}, manager));
    expect(first.name).toMatch(/^onewindow-manual-/);
    const again = await h.core.send('backups/run', {}, manager);
    expect(again).toMatchObject({ ok: false, error: { code: 'locked', messageKey: 'errors.ledgers.backupTooSoon' } });
    h.advanceMinutes(5);
    expect(await h.core.send('backups/run', {}, manager)).toMatchObject({ ok: true });
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.db'))).toHaveLength(2);
  });
});
