import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate, schemaVersion } from '../migrate.ts';
import { migration0001 } from './0001-foundation.ts';
import { migration0002 } from './0002-queue.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0002-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('0002 queue', () => {
  it('upgrades a foundation database that already has counters, keeping them', () => {
    migrate(db, [migration0001]);
    db.prepare(`INSERT INTO counters (number, name, status, created_at) VALUES (7, 'Seven', 'open', '2026-01-01T00:00:00Z')`).run();
    migrate(db, [migration0001, migration0002]);
    expect(schemaVersion(db)).toBe(2);
    const counters = db.prepare('SELECT number, name, status, staff_id FROM counters ORDER BY number').all();
    // The existing counter keeps its state; the seed adds 1–4 beside it.
    expect(counters).toEqual([
      { number: 1, name: '1号窗口', status: 'closed', staff_id: null },
      { number: 2, name: '2号窗口', status: 'closed', staff_id: null },
      { number: 3, name: '3号窗口', status: 'closed', staff_id: null },
      { number: 4, name: '4号窗口', status: 'closed', staff_id: null },
      { number: 7, name: 'Seven', status: 'open', staff_id: null },
    ]);
  });

  it('seeds three categories with prefixes A, B, C', () => {
    migrate(db, [migration0001, migration0002]);
    expect(db.prepare('SELECT prefix, name_zh FROM categories ORDER BY prefix').all()).toEqual([
      { prefix: 'A', name_zh: '综合业务' },
      { prefix: 'B', name_zh: '报装过户' },
      { prefix: 'C', name_zh: '缴费查询' },
    ]);
  });

  it('refuses a lowercase or two-letter prefix, and the same number twice in a day', () => {
    migrate(db, [migration0001, migration0002]);
    const add = db.prepare(`INSERT INTO categories (prefix, name_zh, name_en) VALUES (?, 'x', 'x')`);
    expect(() => add.run('d')).toThrow(/CHECK/);
    expect(() => add.run('DD')).toThrow(/CHECK/);
    const ticket = db.prepare(
      `INSERT INTO tickets (day, category_id, seq, number, token, issued_at, queued_at) VALUES ('2026-11-22', 1, 1, 'A001', ?, 'now', 'now')`,
    );
    ticket.run('token-one-aaaaaaaaaaaa');
    expect(() => ticket.run('token-two-aaaaaaaaaaaa')).toThrow(/UNIQUE/);
  });

  it('lets A001 transferred into category B stand beside B001 the same day', () => {
    migrate(db, [migration0001, migration0002]);
    const ticket = db.prepare(`INSERT INTO tickets (day, category_id, seq, number, token, issued_at, queued_at) VALUES ('2026-11-22', ?, 1, ?, ?, 'now', 'now')`);
    ticket.run(2, 'B001', 'token-b-aaaaaaaaaaaaaa');
    // A001 after its transfer: category B, its own sequence number 1 and its number kept.
    expect(() => ticket.run(2, 'A001', 'token-a-aaaaaaaaaaaaaa')).not.toThrow();
    expect(db.prepare(`SELECT number FROM tickets WHERE category_id = 2 ORDER BY number`).all()).toEqual([{ number: 'A001' }, { number: 'B001' }]);
  });

  it('allows only known ticket statuses and event types', () => {
    migrate(db, [migration0001, migration0002]);
    expect(() =>
      db.prepare(`INSERT INTO tickets (day, category_id, seq, number, token, issued_at, queued_at, status) VALUES ('d', 1, 1, 'A001', 't', 'n', 'n', 'lost')`).run(),
    ).toThrow(/CHECK/);
  });
});
