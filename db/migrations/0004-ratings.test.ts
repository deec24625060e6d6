import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate, schemaVersion } from '../migrate.ts';
import { migration0001 } from './0001-foundation.ts';
import { migration0002 } from './0002-queue.ts';
import { migration0003 } from './0003-intake.ts';
import { migration0004 } from './0004-ratings.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0004-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = [migration0001, migration0002, migration0003, migration0004];

function seedTicket(): number {
  db.prepare(`INSERT INTO staff (work_no, name, password_hash, roles, created_at, updated_at) VALUES ('C001', 'Clerk', 'x', '["clerk"]', 'now', 'now')`).run();
  return Number(
    db.prepare(`INSERT INTO tickets (day, category_id, seq, number, token, issued_at, queued_at, status, counter_id, staff_id) VALUES ('2026-11-23', 1, 1, 'A001', 'token-aaaaaaaaaaaaaaaa', 'n', 'n', 'done', 1, 1)`).run()
      .lastInsertRowid,
  );
}

const invite = (ticketId: number | null, stage = 'intake', status = 'pending', level: number | null = null) =>
  db
      .prepare(
        `INSERT INTO ratings (stage, status, ticket_id, counter_id, staff_id, level, channel, rated_at, day, invited_at)
         VALUES (?, ?, ?, 1, 1, ?, ?, ?, '2026-11-23', '2026-11-23T02:00:00.000Z')`,
      )
      .run(stage, status, ticketId, level, level === null ? null : 'screen', level === null ? null : '2026-11-23T02:00:10.000Z');

describe('0004 ratings', () => {
  it('upgrades an intake database, keeping its tickets', () => {
    migrate(db, [migration0001, migration0002, migration0003]);
    seedTicket();
    migrate(db, all);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT number FROM tickets').all()).toEqual([{ number: 'A001' }]);
    expect(db.prepare('SELECT count(*) AS n FROM ratings').get()).toEqual({ n: 0 });
  });

  it('keeps one invitation per service and stage, and a level exactly on rated ones', () => {
    migrate(db, all);
    const ticket = seedTicket();
    invite(ticket);
    expect(() => invite(ticket)).toThrow(/UNIQUE/);
    expect(() => invite(ticket, 'completed')).not.toThrow();
    // Ratings from the receipt's QR code need no ticket, and several may exist.
    expect(() => invite(null, 'completed', 'rated', 2)).not.toThrow();
    expect(() => invite(null, 'completed', 'rated', 2)).not.toThrow();
    expect(() => invite(null, 'intake', 'rated', null)).toThrow(/CHECK/);
    expect(() => invite(null, 'intake', 'unrated', 3)).toThrow(/CHECK/);
    expect(() => invite(null, 'intake', 'rated', 6)).toThrow(/CHECK/);
    expect(() => invite(null, 'done', 'pending')).toThrow(/CHECK/);
  });

  it('lets a case number be rated once per stage', () => {
    migrate(db, all);
    seedTicket();
    invite(null, 'intake', 'rated', 1);
    const claim = db.prepare(`INSERT INTO rating_cases (case_number, stage, rating_id) VALUES (?, ?, 1)`);
    claim.run('S20261123-0001', 'intake');
    expect(() => claim.run('S20261123-0001', 'intake')).toThrow(/UNIQUE/);
    expect(() => claim.run('S20261123-0001', 'completed')).not.toThrow();
  });

  it('opens one rectification per rating and closes it only with measures and a verdict', () => {
    migrate(db, all);
    seedTicket();
    invite(null, 'intake', 'rated', 4);
    const open = db.prepare(`INSERT INTO rectifications (rating_id, opened_at, due_day, closed_at, measures, verdict) VALUES (1, 'n', '2026-11-30', ?, ?, ?)`);
    expect(() => open.run('2026-11-24', null, null)).toThrow(/CHECK/);
    expect(() => open.run(null, null, null)).not.toThrow();
    expect(() => open.run(null, null, null)).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE rectifications SET verdict = 'happy'`).run()).toThrow(/CHECK/);
  });

  it('knows only the device health states the driver reports', () => {
    migrate(db, all);
    const health = db.prepare(`INSERT OR REPLACE INTO rating_device_health (counter_id, profile, description, source, health, since) VALUES (1, 'reference-serial', '/dev/ttyUSB0', 'manager', ?, 'n')`);
    for (const state of ['connected', 'disconnected', 'no_answer', 'not_driven']) expect(() => health.run(state)).not.toThrow();
    expect(() => health.run('broken')).toThrow(/CHECK/);
  });
});
