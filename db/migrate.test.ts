import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, assert, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from './connection.ts';
import { DatabaseTooNewError, latestVersion, migrate, schemaVersion } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-migrate-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const tableNames = (target: Db): string[] => target.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all().map(String);

const schemaSql = (target: Db): string[] => target.prepare(`SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name`).pluck().all().map(String);

describe('migrate', () => {
  it('brings a fresh database to the latest version', () => {
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db)).toEqual({ from: 0, to: latestVersion() });
    expect(latestVersion()).toBe(migrations.length);
    expect(schemaVersion(db)).toBe(latestVersion());
    expect(tableNames(db)).toContain('staff');
  });

  it('does nothing when the database is already up to date', () => {
    migrate(db);
    const before = schemaSql(db);
    expect(migrate(db)).toEqual({ from: latestVersion(), to: latestVersion() });
    expect(schemaVersion(db)).toBe(latestVersion());
    expect(schemaSql(db)).toEqual(before);
  });

  it('runs only the migrations the database has not had yet', () => {
    const ran: number[] = [];
    const steps: Migration[] = [1, 2, 3].map((version) => ({
      version,
      name: `step${version}`,
      up: (target) => {
        ran.push(version);
        target.exec(`CREATE TABLE step${version} (x INTEGER)`);
      },
    }));
    migrate(db, steps.slice(0, 1));
    expect(migrate(db, steps)).toEqual({ from: 1, to: 3 });
    expect(ran).toEqual([1, 2, 3]);
    expect(tableNames(db)).toEqual(['step1', 'step2', 'step3']);
  });

  it('runs all pending migrations in one transaction: a failure keeps the old schema', () => {
    const failing: Migration[] = [
      { version: 1, name: 'first', up: (target) => target.exec('CREATE TABLE first_step (x INTEGER)') },
      {
        version: 2,
        name: 'broken',
        up: () => {
          throw new Error('migration 2 is broken');
        },
      },
    ];
    expect(() => migrate(db, failing)).toThrow('migration 2 is broken');
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).not.toContain('first_step');

    // The same holds on a reopened file: nothing half-done reached the disk.
    closeDatabase(db);
    db = openDatabase(path.join(dir, 'hall.db'));
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('keeps the version it had when a later pending migration fails', () => {
    const first: Migration = { version: 1, name: 'first', up: (target) => target.exec('CREATE TABLE first_step (x INTEGER)') };
    migrate(db, [first]);
    const later: Migration[] = [
      first,
      { version: 2, name: 'second', up: (target) => target.exec('CREATE TABLE second_step (x INTEGER)') },
      { version: 3, name: 'broken', up: (target) => target.exec('CREATE TABLE first_step (x INTEGER)') },
    ];
    expect(() => migrate(db, later)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['first_step']);
  });

  it('refuses a database written by a newer OneWindow and leaves it untouched', () => {
    migrate(db);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('hall.name', 'North Hall')`).run();
    const newer = latestVersion() + 5;
    db.pragma(`user_version = ${newer}`);
    const schemaBefore = schemaSql(db);

    let error: unknown;
    try {
      migrate(db);
    } catch (caught) {
      error = caught;
    }
    assert(error instanceof DatabaseTooNewError, 'expected DatabaseTooNewError');
    const tooNew = error;
    expect(tooNew.code).toBe('database_too_new');
    expect(tooNew.databaseVersion).toBe(newer);
    expect(tooNew.appVersion).toBe(latestVersion());
    // The message must tell the person at the hall what to do, not only what is wrong.
    expect(tooNew.message).toContain(String(newer));
    expect(tooNew.message).toMatch(/newer OneWindow/);
    expect(tooNew.message).toMatch(/install/i);

    expect(schemaVersion(db)).toBe(newer);
    expect(schemaSql(db)).toEqual(schemaBefore);
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'hall.name'`).pluck().get()).toBe('North Hall');
  });

  it('refuses before running anything, even with migrations the database lacks', () => {
    db.pragma('user_version = 7');
    const ran: number[] = [];
    const steps: Migration[] = [{ version: 1, name: 'one', up: () => ran.push(1) }];
    expect(() => migrate(db, steps)).toThrow(DatabaseTooNewError);
    expect(ran).toEqual([]);
    expect(schemaVersion(db)).toBe(7);
  });
});
