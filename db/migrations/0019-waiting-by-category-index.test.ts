import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { insertTicket, waitingAhead } from '../tickets.ts';
import { migrations } from './index.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0019-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const planOfAhead = () =>
  (
    db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT count(*) AS n FROM tickets
           WHERE status = 'waiting' AND queued_at >= ? AND category_id = ? AND (queued_at < ? OR (queued_at = ? AND id < ?))`,
      )
      .all('2026-11-25', 1, '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z', 100) as { detail: string }[]
  ).map((r) => r.detail);

describe('migration 0019: waiting tickets by category', () => {
  it('counts those ahead from the index alone', () => {
    migrate(db, migrations.filter((m) => m.version <= 18));
    expect(planOfAhead().join(' | ')).not.toMatch(/tickets_waiting_category/);
    migrate(db);
    expect(planOfAhead().join(' | ')).toMatch(/USING COVERING INDEX tickets_waiting_category/);
  });

  it('counts the same: only waiting tickets of the category, queued before, ties by id', () => {
    migrate(db);
    const at = (min: number) => new Date(Date.parse('2026-11-25T01:00:00Z') + min * 60_000).toISOString();
    const add = (category: number, seq: number, queuedAt: string) =>
      insertTicket(db, { day: '2026-11-25', categoryId: category, seq, number: `X${category}${seq}`, priority: 'normal', token: `t${category}-${seq}`, phone: null, idMasked: null, issuedAt: queuedAt, queuedAt });
    add(1, 1, at(1));
    add(2, 1, at(2));
    const same = add(1, 2, at(3));
    const tie = add(1, 3, at(3));
    add(1, 4, at(4));
    db.prepare(`UPDATE tickets SET status = 'done' WHERE number = 'X11'`).run();
    expect(waitingAhead(db, tie, at(0))).toBe(1);
    expect(waitingAhead(db, same, at(0))).toBe(0);
  });
});
