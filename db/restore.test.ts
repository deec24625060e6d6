import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, backupFileName } from './backup.ts';
import { closeDatabase, type Db, openDatabase } from './connection.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { applyPendingRestore, cancelRestore, checkBackup, readPendingRestore, stageRestore } from './restore.ts';
import { getSetting, setSetting } from './settings.ts';

let dir: string;
let file: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-restore-'));
  file = path.join(dir, 'onewindow.db');
  db = openDatabase(file);
  migrate(db);
  setSetting(db, 'hall.name', 'Before');
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const by = { at: '2026-09-30T02:00:00.000Z', staffId: null };

describe('restoring a backup', () => {
  it('stages a checked copy while the hall runs, and swaps it in at the next start, keeping the replaced database', async () => {
    const { file: backup } = await backupDatabase(db, {
      dir: path.join(dir, 'backups'),
      fileName: backupFileName('2026-09-29'),
      retention: { kind: 'scheduled', daily: 5, weekly: 0, monthly: 0 },
    });
    setSetting(db, 'hall.name', 'After');
    const staged = await stageRestore(file, backup, by);
    expect(staged).toMatchObject({ backup: 'onewindow-2026-09-29.db', schemaVersion: migrations.length });
    // Staging changes nothing yet.
    expect(getSetting(db, 'hall.name')).toBe('After');
    expect(await readPendingRestore(file)).toEqual(staged);
    // The look at the backup left no -wal or -shm beside it.
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual(['onewindow-2026-09-29.db']);

    closeDatabase(db);
    const applied = applyPendingRestore(file, new Date('2026-09-30T03:00:00.000Z'));
    expect(applied).toMatchObject({ restored: { backup: 'onewindow-2026-09-29.db' } });
    db = openDatabase(file);
    expect(getSetting(db, 'hall.name')).toBe('Before');
    const previous = applied && 'previous' in applied ? applied.previous : '';
    const old = openDatabase(previous, { readonly: true });
    expect(getSetting(old, 'hall.name')).toBe('After');
    closeDatabase(old);
    expect(await readPendingRestore(file)).toBeUndefined();
    expect(applyPendingRestore(file, new Date('2026-09-30T03:00:00.000Z'))).toBeUndefined();
  });

  it('refuses a damaged file, a file from a newer app and a file that is no hall', async () => {
    const garbage = path.join(dir, 'garbage.db');
    fs.writeFileSync(garbage, 'SQLite format 3\0 but not really');
    expect(checkBackup(garbage)).toEqual({ ok: false, reason: 'unreadable' });

    const { file: backup } = await backupDatabase(db, {
      dir: path.join(dir, 'backups'),
      fileName: backupFileName('2026-09-29'),
      retention: { kind: 'scheduled', daily: 5, weekly: 0, monthly: 0 },
    });
    const future = openDatabase(backup);
    future.pragma('user_version = 99');
    closeDatabase(future);
    expect(checkBackup(backup)).toEqual({ ok: false, reason: 'too_new' });

    const other = path.join(dir, 'other.db');
    const empty = openDatabase(other);
    empty.exec('CREATE TABLE notes (x TEXT)');
    empty.pragma('user_version = 1');
    closeDatabase(empty);
    expect(checkBackup(other)).toEqual({ ok: false, reason: 'not_a_hall' });

    // Damage a page in the middle of a real copy: the integrity check catches it.
    const { file: good } = await backupDatabase(db, {
      dir: path.join(dir, 'backups'),
      fileName: backupFileName('2026-09-28'),
      retention: { kind: 'scheduled', daily: 5, weekly: 0, monthly: 0 },
    });
    const bytes = fs.readFileSync(good);
    bytes.fill(0xff, 4096 * 3, 4096 * 3 + 512);
    fs.writeFileSync(good, bytes);
    expect(checkBackup(good).ok).toBe(false);
    expect(await stageRestore(file, good, by)).toMatchObject({ ok: false });
    expect(await readPendingRestore(file)).toBeUndefined();
  });

  it('can be cancelled before the restart', async () => {
    const { file: backup } = await backupDatabase(db, {
      dir: path.join(dir, 'backups'),
      fileName: backupFileName('2026-09-29'),
      retention: { kind: 'scheduled', daily: 5, weekly: 0, monthly: 0 },
    });
    await stageRestore(file, backup, by);
    await cancelRestore(file);
    expect(await readPendingRestore(file)).toBeUndefined();
    closeDatabase(db);
    expect(applyPendingRestore(file, new Date('2026-09-30T03:00:00.000Z'))).toBeUndefined();
    db = openDatabase(file);
  });
});
