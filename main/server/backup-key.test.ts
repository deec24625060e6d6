import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MANUAL, DEFAULT_SCHEDULED } from '../../db/backup-retention.ts';
import { closeDatabase, type Db, openDatabase } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import { getSetting } from '../../db/settings.ts';
import { runningClock } from '../core/clock.ts';
import { createSecretBox } from '../utility-link/secret-box.ts';
import { createBackupKeys } from './backup-key.ts';
import { createBackupPort } from './backup-port.ts';

/** The backup password's key at rest: a real database and real secret-box key files in a temp folder. */
let dir: string;
let db: Db;
const PASSWORD = 'Beifen-mima-2026';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-backup-key-'));
  db = openDatabase(path.join(dir, 'onewindow.db'));
  migrate(db);
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const boxAt = (name: string) => createSecretBox({ keyFile: path.join(dir, name) });

describe('the backup key', () => {
  it('is kept sealed beside its salt and check: neither the password nor the key is in the database', async () => {
    const keys = createBackupKeys({ db, box: boxAt('secret.key') });
    expect(keys.status()).toEqual({ state: 'off', setAt: null });
    expect(keys.current()).toBeUndefined();
    expect(await keys.set(PASSWORD, '2026-12-04T02:00:00.000Z')).toEqual({ changed: false });
    expect(keys.status()).toEqual({ state: 'on', setAt: '2026-12-04T02:00:00.000Z' });
    const key = keys.current();
    expect(key?.key).toHaveLength(32);
    const stored = getSetting(db, 'backup.key') ?? '';
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain(key?.key.toString('base64'));
    expect(stored).not.toContain(key?.key.toString('hex'));
    expect(await keys.set('Another-pass-2027', '2026-12-05T02:00:00.000Z')).toEqual({ changed: true });
    expect(keys.current()?.check.equals(key!.check)).toBe(false);
  });

  it('refuses to back up, rather than write in clear, when the sealed key cannot be opened; setting the password again mends it', async () => {
    await createBackupKeys({ db, box: boxAt('secret.key') }).set(PASSWORD, '2026-12-04T02:00:00.000Z');
    // Another box key (the key file lost and made anew): the sealed key no longer opens.
    const keys = createBackupKeys({ db, box: boxAt('other.key') });
    expect(keys.status()).toEqual({ state: 'unreadable', setAt: '2026-12-04T02:00:00.000Z' });
    const backupDir = path.join(dir, 'backups');
    const port = createBackupPort({
      db,
      databaseFile: db.name,
      policy: { dir: backupDir, scheduled: DEFAULT_SCHEDULED, manual: DEFAULT_MANUAL, manualEveryMinutes: 5 },
      clock: runningClock(new Date('2026-12-04T02:00:00.000Z')),
      keys,
    });
    await expect(port.runNow()).rejects.toMatchObject({ apiError: { code: 'conflict', messageKey: 'errors.ledgers.backupKeyUnreadable' } });
    expect(fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : []).toEqual([]);
    expect((await port.list()).key.state).toBe('unreadable');

    await port.setPassword(PASSWORD, '2026-12-04T03:00:00.000Z');
    expect(await port.runNow()).toMatchObject({ name: expect.stringMatching(/\.db\.enc$/), encryption: 'current' });
  });
});
