import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from './connection.ts';
import { cached } from './statements.ts';

let dir: string;
let a: Db;
let b: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-statements-'));
  a = openDatabase(path.join(dir, 'a.db'));
  b = openDatabase(path.join(dir, 'b.db'));
  for (const db of [a, b]) db.exec('CREATE TABLE t (x INTEGER)');
});

afterEach(() => {
  closeDatabase(a);
  closeDatabase(b);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cached', () => {
  it('compiles a statement once per connection and reuses it with new values', () => {
    const insert = cached(a, 'INSERT INTO t (x) VALUES (?)');
    expect(cached(a, 'INSERT INTO t (x) VALUES (?)')).toBe(insert);
    insert.run(1);
    cached(a, 'INSERT INTO t (x) VALUES (?)').run(2);
    expect(cached(a, 'SELECT x FROM t ORDER BY x').all()).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it("keeps each connection's statements apart", () => {
    expect(cached(b, 'INSERT INTO t (x) VALUES (?)')).not.toBe(cached(a, 'INSERT INTO t (x) VALUES (?)'));
    cached(b, 'INSERT INTO t (x) VALUES (?)').run(7);
    expect(cached(a, 'SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    expect(cached(b, 'SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
  });

  it('still reads the right columns after the schema changes under a cached statement', () => {
    cached(a, 'INSERT INTO t (x) VALUES (?)').run(1);
    const read = cached(a, 'SELECT * FROM t');
    expect(read.all()).toEqual([{ x: 1 }]);
    a.exec("ALTER TABLE t ADD COLUMN y TEXT DEFAULT 'new'");
    expect(cached(a, 'SELECT * FROM t').all()).toEqual([{ x: 1, y: 'new' }]);
  });
});
