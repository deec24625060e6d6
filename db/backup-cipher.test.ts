import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, backupFileName, listBackups, manualBackupFileName } from './backup.ts';
import { BACKUP_MAGIC, decryptBackupFile, deriveBackupKey, keyForBackup, readBackupHeader } from './backup-cipher.ts';
import { backupsToRemove } from './backup-retention.ts';
import { closeDatabase, type Db, openDatabase } from './connection.ts';
import { insertCustomer } from './customers.ts';
import { migrate } from './migrate.ts';

/** Encrypted backups on real files: a migrated hall database with a customer in it, in a temp folder. */
let dir: string;
let db: Db;
const CUSTOMER = { name: '王小明', idNumber: '110101199003071234', phone: '13912345678' };
const PASSWORD = 'Backup-pass-2026';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-cipher-'));
  db = openDatabase(path.join(dir, 'onewindow.db'));
  migrate(db);
  insertCustomer(db, {
    kind: 'person',
    name: CUSTOMER.name,
    idType: 'residentId',
    idNumber: CUSTOMER.idNumber,
    contactName: null,
    phone: CUSTOMER.phone,
    address: '北京市东城区',
    now: '2026-12-04T02:00:00.000Z',
  });
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const retention = { kind: 'scheduled', daily: 5, weekly: 0, monthly: 0 } as const;

describe('an encrypted backup', () => {
  it('holds none of the data in clear, begins with the magic, is owner-only, and leaves no plain copy behind', async () => {
    const key = await deriveBackupKey(PASSWORD);
    const backups = path.join(dir, 'backups');
    const { file } = await backupDatabase(db, { dir: backups, fileName: backupFileName('2026-12-04'), retention, key });
    expect(path.basename(file)).toBe('onewindow-2026-12-04.db.enc');

    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, BACKUP_MAGIC.length).toString('ascii')).toBe('OWBACKUP');
    for (const text of [CUSTOMER.name, CUSTOMER.idNumber, CUSTOMER.phone, 'SQLite format 3', 'CREATE TABLE'])
      expect(bytes.includes(Buffer.from(text, 'utf8'))).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // The plain copy it was made from is gone, from the backup folder and the data folder.
    expect(fs.readdirSync(backups)).toEqual(['onewindow-2026-12-04.db.enc']);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('backup-in-progress-'))).toEqual([]);

    // The password alone opens it: the header carries the salt and the scrypt parameters.
    const header = await readBackupHeader(file);
    expect(header).toBeDefined();
    const opened = await keyForBackup(header!, PASSWORD);
    expect(opened).toBeDefined();
    const plain = path.join(dir, 'decrypted.db');
    await decryptBackupFile(file, plain, opened!);
    if (process.platform !== 'win32') expect(fs.statSync(plain).mode & 0o777).toBe(0o600);
    const copy = openDatabase(plain, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT id_number FROM customers WHERE name = ?').pluck().get(CUSTOMER.name)).toBe(CUSTOMER.idNumber);
    } finally {
      closeDatabase(copy);
    }
  });

  it('refuses a wrong password, another key and an altered file', async () => {
    const key = await deriveBackupKey(PASSWORD);
    const { file } = await backupDatabase(db, { dir: path.join(dir, 'backups'), fileName: backupFileName('2026-12-04'), retention, key });
    const header = (await readBackupHeader(file))!;
    expect(await keyForBackup(header, 'Another-pass-2026')).toBeUndefined();

    const other = await deriveBackupKey('Another-pass-2026');
    await expect(decryptBackupFile(file, path.join(dir, 'out-1.db'), other)).rejects.toThrow();

    // One byte changed in the middle of the cipher text: the tag no longer holds.
    const bytes = fs.readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    const altered = path.join(dir, 'altered.db.enc');
    fs.writeFileSync(altered, bytes);
    await expect(decryptBackupFile(altered, path.join(dir, 'out-2.db'), key)).rejects.toThrow();

    // A plain SQLite copy has no header: it is not taken for an encrypted one.
    const { file: plain } = await backupDatabase(db, { dir: path.join(dir, 'backups'), fileName: backupFileName('2026-12-03'), retention });
    expect(await readBackupHeader(plain)).toBeUndefined();
  });
});

describe('plain and encrypted backups side by side', () => {
  it('are both listed, and retention prunes either kind by its day', async () => {
    const key = await deriveBackupKey(PASSWORD);
    const backups = path.join(dir, 'backups');
    // The hall made plain copies, then its administrator set a backup password.
    for (const day of ['2026-12-01', '2026-12-02']) await backupDatabase(db, { dir: backups, fileName: backupFileName(day), retention });
    for (const day of ['2026-12-03', '2026-12-04']) await backupDatabase(db, { dir: backups, fileName: backupFileName(day), retention, key });
    await backupDatabase(db, { dir: backups, fileName: manualBackupFileName('2026-12-04T100000'), retention: { kind: 'manual', keep: 5 }, key });
    expect(await listBackups(backups)).toEqual([
      'onewindow-2026-12-01.db',
      'onewindow-2026-12-02.db',
      'onewindow-2026-12-03.db.enc',
      'onewindow-2026-12-04.db.enc',
      'onewindow-manual-2026-12-04T100000.db.enc',
    ]);
    const names = await listBackups(backups);
    expect(backupsToRemove(names, { kind: 'scheduled', daily: 3, weekly: 0, monthly: 0 })).toEqual(['onewindow-2026-12-01.db']);
    expect(backupsToRemove(names, { kind: 'scheduled', daily: 1, weekly: 0, monthly: 0 })).toEqual([
      'onewindow-2026-12-01.db',
      'onewindow-2026-12-02.db',
      'onewindow-2026-12-03.db.enc',
    ]);
    expect(backupsToRemove(names, { kind: 'manual', keep: 0 })).toEqual(['onewindow-manual-2026-12-04T100000.db.enc']);
  });
});
