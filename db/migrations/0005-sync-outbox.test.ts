import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate, schemaVersion } from '../migrate.ts';
import { enqueueOutbox } from '../outbox.ts';
import { migration0001 } from './0001-foundation.ts';
import { migration0002 } from './0002-queue.ts';
import { migration0003 } from './0003-intake.ts';
import { migration0005 } from './0005-sync-outbox.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0005-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const upTo3 = [migration0001, migration0002, migration0003];

describe('0005 sync outbox', () => {
  it('upgrades an intake database, keeping its work orders, with an empty outbox', () => {
    migrate(db, upTo3);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('hall.name', 'x')`).run();
    migrate(db, [...upTo3, migration0005]);
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'hall.name'`).get()).toEqual({ value: 'x' });
  });

  it('numbers versions per record and utility, and the newer version supersedes one not yet sent', () => {
    migrate(db, [...upTo3, migration0005]);
    expect(enqueueOutbox(db, { utility: 'gas', type: 'workOrder', recordId: 7, data: { status: 'accepted' }, at: '2026-09-30T02:00:00.000Z' }).version).toBe(1);
    expect(enqueueOutbox(db, { utility: 'gas', type: 'workOrder', recordId: 7, data: { status: 'dispatched' }, at: '2026-09-30T02:00:00.000Z' }).version).toBe(2);
    expect(enqueueOutbox(db, { utility: 'water', type: 'workOrder', recordId: 7, data: {}, at: '2026-09-30T02:00:00.000Z' }).version).toBe(1);
    expect(db.prepare(`SELECT version, state FROM sync_outbox WHERE utility = 'gas' ORDER BY seq`).all()).toEqual([
      { version: 1, state: 'superseded' },
      { version: 2, state: 'pending' },
    ]);
    // The same version of a record is never queued twice.
    expect(() => db.prepare(`INSERT INTO sync_outbox (utility, type, record_id, version, data, queued_at) VALUES ('gas', 'workOrder', '7', 2, '{}', 'n')`).run()).toThrow(/UNIQUE/);
  });

  it('keeps batch membership consistent with state, and known states only', () => {
    migrate(db, [...upTo3, migration0005]);
    const insert = db.prepare(`INSERT INTO sync_outbox (utility, type, record_id, version, data, queued_at, state, batch_id) VALUES ('gas', ?, ?, 1, '{}', 'n', ?, ?)`);
    expect(() => insert.run('workOrder', 'a', 'pending', 'b1')).toThrow(/CHECK/);
    expect(() => insert.run('workOrder', 'b', 'sending', null)).toThrow(/CHECK/);
    expect(() => insert.run('invoice', 'c', 'pending', null)).toThrow(/CHECK/);
    expect(() => insert.run('rating', 'd', 'lost', 'b1')).toThrow(/CHECK/);
    expect(() => insert.run('rating', 'e', 'sending', 'b1')).not.toThrow();
  });

  it('refuses a connector without where to send', () => {
    migrate(db, [...upTo3, migration0005]);
    const insert = db.prepare(`INSERT INTO sync_connectors (utility, kind, base_url, out_dir, reply_dir, updated_at) VALUES (?, ?, ?, ?, ?, 'n')`);
    expect(() => insert.run('gas', 'http', null, null, null)).toThrow(/CHECK/);
    expect(() => insert.run('gas', 'folder', null, '/out', null)).toThrow(/CHECK/);
    expect(() => insert.run('gas', 'http', 'https://gas.example/sync', null, null)).not.toThrow();
    expect(db.prepare(`SELECT window_start AS s, window_end AS e FROM sync_connectors`).get()).toEqual({ s: '01:00', e: '05:00' });
  });

  it('keeps each update from a utility once', () => {
    migrate(db, [...upTo3, migration0005]);
    const insert = db.prepare(`INSERT INTO sync_updates (utility, work_order_id, status, at, received_at, result) VALUES ('gas', 1, ?, '2026-11-24T02:00:00Z', 'n', 'applied')`);
    insert.run('taken');
    expect(() => insert.run('taken')).toThrow(/UNIQUE/);
    expect(() => insert.run('done')).toThrow(/CHECK/);
  });
});

describe('enqueueOutbox', () => {
  it("refuses a rating that carries the rater's identity", () => {
    migrate(db, [...upTo3, migration0005]);
    expect(() => enqueueOutbox(db, { utility: 'gas', type: 'rating', recordId: 1, data: { level: 5, customer: { name: '张三' } }, at: '2026-09-30T02:00:00.000Z' })).toThrow(/rater/);
    expect(() => enqueueOutbox(db, { utility: 'gas', type: 'rating', recordId: 1, data: { level: 5, phone: '138' }, at: '2026-09-30T02:00:00.000Z' })).toThrow(/rater/);
    expect(() => enqueueOutbox(db, { utility: 'gas', type: 'rating', recordId: 1, data: { level: 5, caseNumber: 'Q20261123-0001', staffWorkNo: 'C001' }, at: '2026-09-30T02:00:00.000Z' })).not.toThrow();
  });
});
