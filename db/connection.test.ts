import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, inReadTransaction, openDatabase, tryWrite } from './connection.ts';

let dir: string;
const opened: Db[] = [];

const open = (...args: Parameters<typeof openDatabase>): Db => {
  const db = openDatabase(...args);
  opened.push(db);
  return db;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-connection-'));
});

afterEach(() => {
  for (const db of opened.splice(0)) closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('applies the settings every connection must share', () => {
    const db = open(path.join(dir, 'hall.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // 2 is FULL: a commit survives a power cut.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('enforces foreign keys on every connection', () => {
    const db = open(path.join(dir, 'hall.db'));
    db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent(id))');
    expect(() => db.prepare('INSERT INTO child (parent_id) VALUES (42)').run()).toThrow(/FOREIGN KEY/);
  });

  it('makes a second writer wait for the lock for busyTimeoutMs before it gives up', () => {
    const file = path.join(dir, 'hall.db');
    const first = open(file);
    first.exec('CREATE TABLE t (x INTEGER)');
    const waitMs = 300;
    const second = open(file, { busyTimeoutMs: waitMs });

    first.exec('BEGIN IMMEDIATE');
    first.prepare('INSERT INTO t VALUES (1)').run();

    const started = performance.now();
    let error: unknown;
    try {
      second.prepare('INSERT INTO t VALUES (2)').run();
    } catch (caught) {
      error = caught;
    }
    const elapsed = performance.now() - started;

    expect(error).toMatchObject({ code: 'SQLITE_BUSY' });
    // Small slack for timer granularity; without a busy timeout this fails in ~0 ms.
    expect(elapsed).toBeGreaterThanOrEqual(waitMs - 20);

    // Once the lock is released the second connection writes normally.
    first.exec('COMMIT');
    second.prepare('INSERT INTO t VALUES (2)').run();
    expect(first.prepare('SELECT x FROM t ORDER BY x').pluck().all()).toEqual([1, 2]);
  });

  it('does not wait at all when the timeout is zero, so the wait above is the timeout', () => {
    const file = path.join(dir, 'hall.db');
    const first = open(file);
    first.exec('CREATE TABLE t (x INTEGER)');
    const second = open(file, { busyTimeoutMs: 0 });
    first.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    expect(() => second.prepare('INSERT INTO t VALUES (2)').run()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    expect(performance.now() - started).toBeLessThan(100);
    first.exec('ROLLBACK');
  });

  it('opens read-only connections that refuse writes', () => {
    const file = path.join(dir, 'hall.db');
    open(file).exec('CREATE TABLE t (x INTEGER)');
    const reader = open(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
    expect(() => reader.prepare('INSERT INTO t VALUES (1)').run()).toThrow(/readonly/i);
  });
});

describe('a read transaction that writes at its end', () => {
  const setUp = () => {
    const file = path.join(dir, 'hall.db');
    const a = open(file);
    a.exec('CREATE TABLE t (v INTEGER)');
    const b = open(file, { mustExist: true, busyTimeoutMs: 0 });
    return { a, b };
  };

  it('writes when nothing changed since its snapshot, and holds no lock while it reads', () => {
    const { a, b } = setUp();
    const wrote = inReadTransaction(a, () => {
      a.prepare('SELECT count(*) FROM t').get();
      // Another connection may still write meanwhile: the reading one holds no write lock.
      return tryWrite(() => a.prepare('INSERT INTO t VALUES (1)').run());
    });
    expect(wrote).toBe(true);
    expect(b.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
  });

  it('refuses the write, and writes nothing, when another connection wrote since its snapshot', () => {
    const { a, b } = setUp();
    const wrote = inReadTransaction(a, () => {
      a.prepare('SELECT count(*) FROM t').get();
      b.prepare('INSERT INTO t VALUES (7)').run();
      return tryWrite(() => a.prepare('INSERT INTO t VALUES (1)').run());
    });
    expect(wrote).toBe(false);
    expect(b.prepare('SELECT v FROM t').all()).toEqual([{ v: 7 }]);
  });
});
