import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate, schemaVersion } from '../migrate.ts';
import { transferCounts } from '../report-queue.ts';
import { migrations } from './index.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0010-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const categoryId = (prefix: string) => (db.prepare('SELECT id FROM categories WHERE prefix = ?').get(prefix) as { id: number }).id;
const ticket = (number: string, category: string) =>
  db
    .prepare(`INSERT INTO tickets (day, category_id, seq, number, token, issued_at, queued_at) VALUES ('2026-11-20', ?, ?, ?, ?, '2026-11-20T01:00:00Z', '2026-11-20T01:00:00Z')`)
    .run(categoryId(category), Number(number.slice(1)), number, `t-${number}`);

describe('migration 0010: the category a ticket was issued in', () => {
  it('takes the category of the number series for tickets of before, so a transferred one shows where it came from', () => {
    migrate(db, migrations.filter((m) => m.version <= 9));
    ticket('A001', 'A');
    // A002 was issued at A and transferred to B before the upgrade: only its number remembers A.
    ticket('A002', 'B');
    ticket('B001', 'B');

    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(10);
    const issued = db.prepare('SELECT number, issued_category_id AS issued, category_id AS now FROM tickets ORDER BY number').all();
    expect(issued).toEqual([
      { number: 'A001', issued: categoryId('A'), now: categoryId('A') },
      { number: 'A002', issued: categoryId('A'), now: categoryId('B') },
      { number: 'B001', issued: categoryId('B'), now: categoryId('B') },
    ]);
    expect(transferCounts(db, '2026-11-20', '2026-11-20')).toEqual([['2026-11-20', categoryId('A'), categoryId('B'), 1]]);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM tickets INDEXED BY tickets_transferred WHERE day BETWEEN ? AND ? AND issued_category_id <> category_id`).all('2026-11-01', '2026-11-30') as { detail: string }[]).map((p) => p.detail).join(' ');
    expect(plan).toContain('tickets_transferred');
  });
});
