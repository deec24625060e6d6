import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate, schemaVersion } from '../migrate.ts';
import { migration0001 } from './0001-foundation.ts';
import { migration0002 } from './0002-queue.ts';
import { migration0003 } from './0003-intake.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0003-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = [migration0001, migration0002, migration0003];

/** The smallest application the schema accepts, with what it refers to. */
function seedApplication(): number {
  db.prepare(`INSERT INTO staff (work_no, name, password_hash, roles, created_at, updated_at) VALUES ('C001', 'Clerk', 'x', '["clerk"]', 'now', 'now')`).run();
  db.prepare(`INSERT INTO catalogue_versions (version, published_at, source, json) VALUES (1, '2026-11-22T00:00:00.000Z', 'seed', '{}')`).run();
  db.prepare(
    `INSERT INTO customers (kind, name, id_type, id_number, phone, created_at, updated_at) VALUES ('person', '张三', 'residentId', '110105194912310029', '13800138000', 'now', 'now')`,
  ).run();
  db.prepare(`INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at) VALUES ('tok-aaaaaaaaaaaaaaaa', 1, 1, 'h', '{}', 'now')`).run();
  db.prepare(`UPDATE signature_requests SET status = 'signed', image = x'89504e47', signed_at = 'now'`).run();
  return Number(
    db
      .prepare(
        `INSERT INTO applications (public_token, idempotency_key, customer_id, catalogue_version, staff_id, counter_id, day, submitted_at, fee_hash, total_fen, signature_request_id, snapshot)
         VALUES ('pub-aaaaaaaaaaaaaaaa', 'key-1', 1, 1, 1, 1, '2026-11-23', '2026-11-23T02:00:00.000Z', 'h', 0, 1, '{}')`,
      )
      .run().lastInsertRowid,
  );
}

describe('0003 intake', () => {
  it('upgrades a queue database, keeping its tickets and counters', () => {
    migrate(db, [migration0001, migration0002]);
    db.prepare(`INSERT INTO tickets (day, category_id, seq, number, token, issued_at, queued_at) VALUES ('2026-11-22', 1, 1, 'A001', 'token-aaaaaaaaaaaaaaaa', 'now', 'now')`).run();
    migrate(db, all);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT number FROM tickets').all()).toEqual([{ number: 'A001' }]);
    expect(db.prepare('SELECT count(*) AS n FROM counters').get()).toEqual({ n: 4 });
    // The catalogue is seeded by the core on first use, not frozen into the migration.
    expect(db.prepare('SELECT count(*) AS n FROM catalogue_versions').get()).toEqual({ n: 0 });
  });

  it('keeps one customer per ID and one holder per utility account', () => {
    migrate(db, all);
    const customer = db.prepare(`INSERT INTO customers (kind, name, id_type, id_number, phone, created_at, updated_at) VALUES ('person', ?, 'residentId', ?, '13800138000', 'now', 'now')`);
    customer.run('张三', '110105194912310029');
    expect(() => customer.run('李四', '110105194912310029')).toThrow(/UNIQUE/);
    // The same number under another document type is another document.
    expect(() => db.prepare(`INSERT INTO customers (kind, name, id_type, id_number, phone, created_at, updated_at) VALUES ('person', 'x', 'passport', '110105194912310029', '1', 'n', 'n')`).run()).not.toThrow();
    const account = db.prepare(`INSERT INTO customer_accounts (customer_id, utility, account_no) VALUES (?, ?, '8800123')`);
    account.run(1, 'water');
    expect(() => account.run(2, 'water')).toThrow(/UNIQUE/);
    expect(() => account.run(2, 'gas')).not.toThrow();
  });

  it('makes an idempotency key, a case number and a signature count once', () => {
    migrate(db, all);
    seedApplication();
    expect(() =>
      db
        .prepare(
          `INSERT INTO applications (public_token, idempotency_key, customer_id, catalogue_version, staff_id, counter_id, day, submitted_at, fee_hash, total_fen, signature_request_id, snapshot)
           VALUES ('pub-bbbbbbbbbbbbbbbb', 'key-1', 1, 1, 1, 1, 'd', 's', 'h', 0, 1, '{}')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    const matter = db.prepare(`INSERT INTO application_matters (application_id, case_number, utility, business_code, due_day) VALUES (1, ?, 'water', 'waterTransfer', '2026-11-24')`);
    matter.run('S20261123-0001');
    expect(() => matter.run('S20261123-0001')).toThrow(/UNIQUE/);
  });

  it('allows only known work order states, and a promised date exactly on deferred materials', () => {
    migrate(db, all);
    seedApplication();
    const order = db.prepare(`INSERT INTO work_orders (application_id, utility, status, due_day, created_at, updated_at) VALUES (1, ?, ?, '2026-11-24', 'n', 'n')`);
    expect(() => order.run('water', 'lost')).toThrow(/CHECK/);
    expect(() => order.run('water', 'accepted')).not.toThrow();
    const material = db.prepare(`INSERT INTO application_materials (application_id, code, name_zh, name_en, state, promised_date) VALUES (1, ?, 'x', 'x', ?, ?)`);
    expect(() => material.run('a', 'deferred', null)).toThrow(/CHECK/);
    expect(() => material.run('b', 'received', '2026-11-30')).toThrow(/CHECK/);
    expect(() => material.run('c', 'deferred', '2026-11-30')).not.toThrow();
  });

  it('will not call a request signed without an image', () => {
    migrate(db, all);
    seedApplication();
    expect(() => db.prepare(`INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at, status) VALUES ('t2-aaaaaaaaaaaaaaaa', 1, 1, 'h', '{}', 'n', 'signed')`).run()).toThrow(
      /CHECK/,
    );
  });
});
