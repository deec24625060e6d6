import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, backupFileName, listBackups } from './backup.ts';
import { closeDatabase, type Db, openDatabase } from './connection.ts';
import { migrate } from './migrate.ts';
import { setSetting } from './settings.ts';

let dir: string;
let db: Db;
const opened: Db[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-backup-'));
  db = openDatabase(path.join(dir, 'hall.db'));
  migrate(db);
  setSetting(db, 'hall.name', 'North Hall');
});

afterEach(() => {
  for (const copy of opened.splice(0)) closeDatabase(copy);
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backupDatabase', () => {
  it('writes a copy that opens and holds the data', async () => {
    const backups = path.join(dir, 'backups');
    const { file, removed } = await backupDatabase(db, { dir: backups, day: '2025-03-01', keep: 3 });
    expect(file).toBe(path.join(backups, backupFileName('2025-03-01')));
    expect(removed).toEqual([]);

    // Later changes to the hall do not reach an existing backup.
    setSetting(db, 'hall.name', 'Renamed Hall');

    const copy = openDatabase(file, { readonly: true });
    opened.push(copy);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare(`SELECT value FROM settings WHERE key = 'hall.name'`).pluck().get()).toBe('North Hall');
    expect(copy.pragma('user_version', { simple: true })).toBe(db.pragma('user_version', { simple: true }));
  });

  it('keeps only the newest `keep` days of backups', async () => {
    const backups = path.join(dir, 'backups');
    const days = ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05'];
    const removed: string[] = [];
    for (const day of days) removed.push(...(await backupDatabase(db, { dir: backups, day, keep: 3 })).removed);

    const kept = ['2025-03-03', '2025-03-04', '2025-03-05'].map(backupFileName);
    expect(await listBackups(backups)).toEqual(kept);
    expect(fs.readdirSync(backups).sort()).toEqual(kept);
    expect(removed).toEqual(['2025-03-01', '2025-03-02'].map(backupFileName));
  });

  it('leaves other files in the backup folder alone', async () => {
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    fs.writeFileSync(path.join(backups, 'notes.txt'), 'keep me');
    for (const day of ['2025-03-01', '2025-03-02']) await backupDatabase(db, { dir: backups, day, keep: 1 });
    expect(fs.readdirSync(backups).sort()).toEqual(['notes.txt', backupFileName('2025-03-02')]);
  });
});

describe('listBackups', () => {
  it('returns an empty list for a folder that does not exist yet', async () => {
    expect(await listBackups(path.join(dir, 'no-such-folder'))).toEqual([]);
  });
});

describe('a backup interrupted by a crash', () => {
  it('leaves no file that passes for the day, and the next run cleans up and writes it', async () => {
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    // What a power cut mid-copy leaves behind.
    fs.writeFileSync(path.join(backups, `${backupFileName('2025-03-01')}.partial`), 'half a database');
    fs.writeFileSync(path.join(backups, `${backupFileName('2025-03-01')}.partial-journal`), 'journal');
    expect(await listBackups(backups)).toEqual([]);

    const { file } = await backupDatabase(db, { dir: backups, day: '2025-03-01', keep: 3 });
    expect(fs.readdirSync(backups)).toEqual([backupFileName('2025-03-01')]);
    const copy = openDatabase(file, { readonly: true });
    opened.push(copy);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
