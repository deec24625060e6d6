import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { averageServiceMinutes } from '../tickets.ts';
import { migrations } from './index.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0016-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const planOfPace = () =>
  (
    db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT started_at, called_at, finished_at FROM tickets
           WHERE day >= ? AND category_id = ? AND status = 'done' AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT ?`,
      )
      .all('2026-11-01', 1, 20) as { detail: string }[]
  ).map((r) => r.detail);

describe('migration 0016: the pace index', () => {
  it('reads a category’s latest finished tickets through the index, without sorting the day’s tickets', () => {
    migrate(db, migrations.filter((m) => m.version <= 15));
    expect(planOfPace().join(' | ')).toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    migrate(db);
    const plan = planOfPace().join(' | ');
    expect(plan).toMatch(/USING INDEX tickets_pace/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('gives the same pace as before over finished and unfinished tickets', () => {
    migrate(db);
    const insert = db.prepare(
      `INSERT INTO tickets (day, category_id, issued_category_id, seq, number, token, issued_at, queued_at, status, called_at, started_at, finished_at)
         VALUES (?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Ten done at 10 minutes each, then two at 20 minutes (the latest), and waiting ones that must not count.
    for (let i = 1; i <= 12; i++) {
      const minutes = i > 10 ? 20 : 10;
      const start = Date.parse('2026-11-25T01:00:00Z') + i * 3_600_000;
      insert.run('2026-11-25', i, `A${i}`, `t${i}`, new Date(start).toISOString(), new Date(start).toISOString(), 'done', new Date(start).toISOString(), new Date(start).toISOString(), new Date(start + minutes * 60_000).toISOString());
    }
    for (let i = 13; i <= 20; i++) insert.run('2026-11-25', i, `A${i}`, `t${i}`, '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z', 'waiting', null, null, null);
    expect(averageServiceMinutes(db, 1, 2, '2026-11-25')).toBeCloseTo(20, 5);
    expect(averageServiceMinutes(db, 1, 4, '2026-11-25')).toBeCloseTo(15, 5);
    expect(averageServiceMinutes(db, 1, 4, '2026-11-26')).toBeNull();
  });
});
