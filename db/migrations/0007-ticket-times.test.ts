import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate, schemaVersion } from '../migrate.ts';
import { servedTimes } from '../report-queue.ts';
import { SERVICE_MS_SQL, WAIT_MS_SQL } from './0007-ticket-times.ts';
import { migrations } from './index.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0007-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const upTo6 = migrations.filter((m) => m.version <= 6);

/** A ticket as the queue leaves it; times are ISO instants like the queue writes. */
function insertTicket(number: string, t: { status: string; queued: string; called?: string; started?: string; finished?: string }): number {
  const category = db.prepare('SELECT id FROM categories ORDER BY id LIMIT 1').get() as { id: number };
  return Number(
    db
      .prepare(
        `INSERT INTO tickets (day, category_id, seq, number, status, token, issued_at, queued_at, called_at, started_at, finished_at)
         VALUES ('2026-11-20', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(category.id, Number(number.slice(1)), number, t.status, `tok-${number}-0123456789`, t.queued, t.queued, t.called ?? null, t.started ?? null, t.finished ?? null).lastInsertRowid,
  );
}

/** The report's own read of a ticket's times, through the index. */
const times = (id: number) => {
  const row = servedTimes(db, '2026-11-20', '2026-11-20').find((r) => r[0] === id);
  return { wait: row?.[3] ?? null, service: row?.[4] ?? null };
};

describe('migration 0007: ticket times', () => {
  it('indexes the wait and service times of tickets served before the upgrade, and only of served ones', () => {
    migrate(db, upTo6);
    if (!db.prepare('SELECT 1 FROM categories LIMIT 1').get()) db.prepare(`INSERT INTO categories (prefix, name_zh, name_en) VALUES ('A', '综合业务', 'General')`).run();
    const served = insertTicket('A001', { status: 'done', queued: '2026-11-20T01:00:00.000Z', called: '2026-11-20T01:12:30.000Z', started: '2026-11-20T01:13:00.000Z', finished: '2026-11-20T01:21:00.250Z' });
    const calledOnly = insertTicket('A002', { status: 'done', queued: '2026-11-20T01:00:00.000Z', called: '2026-11-20T01:05:00.000Z', finished: '2026-11-20T01:06:00.000Z' });
    const noShow = insertTicket('A003', { status: 'no_show', queued: '2026-11-20T01:00:00.000Z', called: '2026-11-20T01:05:00.000Z' });
    const waiting = insertTicket('A004', { status: 'waiting', queued: '2026-11-20T01:00:00.000Z' });

    migrate(db, migrations);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(7);
    expect(times(served)).toEqual({ wait: 750_000, service: 480_250 });
    // Service counts from the call when the clerk never pressed "start".
    expect(times(calledOnly)).toEqual({ wait: 300_000, service: 60_000 });
    expect(times(noShow)).toEqual({ wait: null, service: null });
    expect(times(waiting)).toEqual({ wait: null, service: null });
  });

  it('keeps the times right as the queue moves a ticket on, and the report reads them from the index alone', () => {
    migrate(db, migrations);
    if (!db.prepare('SELECT 1 FROM categories LIMIT 1').get()) db.prepare(`INSERT INTO categories (prefix, name_zh, name_en) VALUES ('A', '综合业务', 'General')`).run();
    const id = insertTicket('A010', { status: 'waiting', queued: '2026-11-20T02:00:00.000Z' });
    db.prepare(`UPDATE tickets SET status = 'done', called_at = '2026-11-20T02:01:00.000Z', finished_at = '2026-11-20T02:03:00.000Z' WHERE id = ?`).run(id);
    expect(times(id)).toEqual({ wait: 60_000, service: 120_000 });
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id, counter_id, staff_id, ${WAIT_MS_SQL}, ${SERVICE_MS_SQL} FROM tickets INDEXED BY tickets_day_times WHERE day BETWEEN ? AND ? AND status = 'done'`)
      .all('2026-11-01', '2026-11-30') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX tickets_day_times/);
  });
});
