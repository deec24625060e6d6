import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, backupFileName, backupInWorker, listBackups, manualBackupFileName } from './backup.ts';
import { backupsToRemove, DEFAULT_MANUAL, DEFAULT_SCHEDULED } from './backup-retention.ts';
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
    const { file, removed } = await backupDatabase(db, {
      dir: backups,
      fileName: backupFileName('2025-03-01'),
      retention: { kind: 'scheduled', daily: 3, weekly: 0, monthly: 0 },
    });
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

  it('keeps only the newest `daily` days of scheduled backups when no weekly or monthly ones are kept', async () => {
    const backups = path.join(dir, 'backups');
    const days = ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05'];
    const removed: string[] = [];
    const retention = { kind: 'scheduled', daily: 3, weekly: 0, monthly: 0 } as const;
    for (const day of days) removed.push(...(await backupDatabase(db, { dir: backups, fileName: backupFileName(day), retention })).removed);

    const kept = ['2025-03-03', '2025-03-04', '2025-03-05'].map(backupFileName);
    expect(await listBackups(backups)).toEqual(kept);
    expect(fs.readdirSync(backups).sort()).toEqual(kept);
    expect(removed).toEqual(['2025-03-01', '2025-03-02'].map(backupFileName));
  });

  it('leaves other files in the backup folder alone', async () => {
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    fs.writeFileSync(path.join(backups, 'notes.txt'), 'keep me');
    for (const day of ['2025-03-01', '2025-03-02'])
      await backupDatabase(db, { dir: backups, fileName: backupFileName(day), retention: { kind: 'scheduled', daily: 1, weekly: 0, monthly: 0 } });
    expect(fs.readdirSync(backups).sort()).toEqual(['notes.txt', backupFileName('2025-03-02')]);
  });
});

describe('a paced copy', () => {
  it('copies a large database in many small steps with pauses, and the copy is whole', async () => {
    // About 2 MB of rows: 500 pages at 4 KiB.
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`bulk.${i}`, 'x'.repeat(1000));
    })();
    const target = path.join(dir, 'paced.db');
    const { steps, syncs } = await backupInWorker(db.name, target, { pagesPerStep: 16, pauseMs: 1, syncEveryPages: 64 });
    expect(steps).toBeGreaterThan(20);
    // Forced to disk as it goes (about 500 pages, 64 at a time), not all at the end.
    expect(syncs).toBeGreaterThanOrEqual(6);
    const copy = openDatabase(target, { readonly: true });
    opened.push(copy);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare(`SELECT count(*) FROM settings WHERE key LIKE 'bulk.%'`).pluck().get()).toBe(2000);
  });
});

describe('a paced copy while the hall writes', () => {
  it('copies one snapshot to the end in paced steps though the hall commits throughout, and the copy is whole', async () => {
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`bulk.${i}`, 'x'.repeat(1000));
    })();
    // The hall at work: a commit every few milliseconds for as long as the copy runs.
    let n = 0;
    const writer = setInterval(() => insert.run(`live.${n++}`, 'y'), 3);
    try {
      const target = path.join(dir, 'busy.db');
      const { steps, restarts } = await backupInWorker(db.name, target, { pagesPerStep: 8, pauseMs: 5, syncEveryPages: 2048 });
      // Every step read the snapshot the copy began with: no write made it start over, none went in one gulp.
      expect(restarts).toBe(0);
      expect(steps).toBeGreaterThan(40);
      expect(n).toBeGreaterThan(10);
      const copy = openDatabase(target, { readonly: true });
      opened.push(copy);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare(`SELECT count(*) FROM settings WHERE key LIKE 'bulk.%'`).pluck().get()).toBe(2000);
      // The snapshot is the moment the copy began: what the hall wrote afterwards is not in it.
      expect(copy.prepare(`SELECT count(*) FROM settings WHERE key LIKE 'live.%'`).pluck().get()).toBeLessThan(n);
    } finally {
      clearInterval(writer);
    }
  });
});

describe('retention', () => {
  it('never lets hand-made copies push out the daily history: fourteen clicks leave every daily backup', async () => {
    const backups = path.join(dir, 'backups');
    const daily = Array.from({ length: 14 }, (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`);
    for (const day of daily) await backupDatabase(db, { dir: backups, fileName: backupFileName(day), retention: DEFAULT_SCHEDULED });
    for (let i = 0; i < 14; i += 1) {
      await backupDatabase(db, { dir: backups, fileName: manualBackupFileName(`2025-03-14T10${String(i).padStart(2, '0')}00`), retention: DEFAULT_MANUAL });
    }
    const names = await listBackups(backups);
    expect(names.filter((n) => !n.includes('manual'))).toEqual(daily.map(backupFileName));
    // The manual series keeps its own newest ten.
    expect(names.filter((n) => n.includes('manual'))).toHaveLength(DEFAULT_MANUAL.keep);
    expect(names).not.toContain(manualBackupFileName('2025-03-14T100300'));
  });

  it('keeps fourteen days, then a copy a week for eight weeks and a copy a month for a year', () => {
    // A year and a half of daily copies, 2024-01-01 to 2025-06-30.
    const names: string[] = [];
    for (let d = new Date('2024-01-01T00:00:00Z'); d <= new Date('2025-06-30T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1))
      names.push(backupFileName(d.toISOString().slice(0, 10)));
    const removed = new Set(backupsToRemove(names, DEFAULT_SCHEDULED));
    const kept = names.filter((n) => !removed.has(n)).map((n) => n.slice(10, 20));
    expect(kept.filter((d) => d >= '2025-06-17')).toHaveLength(14);
    // Weekly: the newest of each of the eight latest weeks (Monday to Sunday).
    // 30 June 2025 is a Monday: its week has begun; the eighth week back ends on Sunday 18 May.
    expect(kept).toContain('2025-06-15');
    expect(kept).toContain('2025-05-18');
    expect(kept).not.toContain('2025-05-11');
    // Monthly: the newest of each of the twelve latest months, back to July 2024.
    expect(kept).toContain('2024-07-31');
    expect(kept).not.toContain('2024-06-30');
    expect(kept.length).toBeLessThan(14 + 8 + 12);
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

    const { file } = await backupDatabase(db, {
      dir: backups,
      fileName: backupFileName('2025-03-01'),
      retention: { kind: 'scheduled', daily: 3, weekly: 0, monthly: 0 },
    });
    expect(fs.readdirSync(backups)).toEqual([backupFileName('2025-03-01')]);
    const copy = openDatabase(file, { readonly: true });
    opened.push(copy);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
