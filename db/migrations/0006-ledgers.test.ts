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
import { migration0005 } from './0005-sync-outbox.ts';
import { migration0006 } from './0006-ledgers.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0006-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const upTo5 = [migration0001, migration0002, migration0003, migration0004, migration0005];
const all = [...upTo5, migration0006];

/** A complaint row: the registration fields, plus whatever a test sets (the rest NULL). */
const insertComplaint = (target: Db) => (fields: Record<string, unknown> = {}) =>
  target
    .prepare(
      `INSERT INTO complaints (channel, complainant_name, content, received_at, received_day, due_day, registered_at, updated_at, state,
         investigation, reply_day, reply_method, reply_content, closed_at, closed_day, published_at)
       VALUES (@channel, @complainant_name, @content, @received_at, @received_day, @due_day, @registered_at, @updated_at, @state,
         @investigation, @reply_day, @reply_method, @reply_content, @closed_at, @closed_day, @published_at)`,
    )
    .run({
      channel: 'hotline12345',
      complainant_name: '张三',
      content: '窗口工作人员态度差',
      received_at: '2026-03-02T01:00:00.000Z',
      received_day: '2026-03-02',
      due_day: '2026-03-09',
      registered_at: '2026-03-02T01:05:00.000Z',
      updated_at: '2026-03-02T01:05:00.000Z',
      state: 'registered',
      investigation: null,
      reply_day: null,
      reply_method: null,
      reply_content: null,
      closed_at: null,
      closed_day: null,
      published_at: null,
      ...fields,
    });

describe('0006 ledgers', () => {
  it('upgrades a database, keeping its staff and audit log, with the default sampling rules of the seeds', () => {
    migrate(db, upTo5);
    db.prepare(`INSERT INTO staff (work_no, name, password_hash, roles, created_at, updated_at) VALUES ('M001', 'Manager', 'x', '["manager"]', 'now', 'now')`).run();
    db.prepare(`INSERT INTO audit_log (at, actor_staff_id, action, target) VALUES ('now', 1, 'staff.create', 'staff:1')`).run();
    migrate(db, all);
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT work_no, utility FROM staff').all()).toEqual([{ work_no: 'M001', utility: null }]);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT utility, customer_kind, business_kind, percent, active FROM follow_up_rules ORDER BY id').all()).toEqual([
      { utility: 'gas', customer_kind: null, business_kind: 'newConnection', percent: 100, active: 1 },
      { utility: null, customer_kind: 'person', business_kind: null, percent: 10, active: 1 },
      { utility: null, customer_kind: 'enterprise', business_kind: null, percent: 100, active: 1 },
    ]);
  });

  it('accepts only known channels, and no state past registration without what that state needs', () => {
    migrate(db, all);
    const add = insertComplaint(db);
    expect(() => add({ channel: 'fax' })).toThrow(/CHECK/);
    expect(() => add()).not.toThrow();
    // Investigating without an investigation, replied without a reply, closed without a closing day.
    expect(() => add({ state: 'investigating' })).toThrow(/CHECK/);
    expect(() => add({ state: 'replied', investigation: 'x' })).toThrow(/CHECK/);
    const reply = { investigation: 'x', reply_day: '2026-03-02', reply_method: 'phone', reply_content: '已致歉' };
    expect(() => add({ state: 'replied', ...reply })).not.toThrow();
    expect(() => add({ state: 'closed', ...reply })).toThrow(/CHECK/);
    expect(() => add({ state: 'closed', ...reply, closed_at: '2026-03-02T08:00:00.000Z', closed_day: '2026-03-02' })).not.toThrow();
    // Published only once closed.
    expect(() => add({ state: 'replied', ...reply, published_at: 'now' })).toThrow(/CHECK/);
  });

  it('keeps an attachment size honest', () => {
    migrate(db, all);
    insertComplaint(db)();
    const attach = db.prepare(`INSERT INTO complaint_attachments (complaint_id, file_name, mime, size_bytes, data, added_at) VALUES (1, 'a.png', 'image/png', ?, ?, 'now')`);
    expect(() => attach.run(3, Buffer.from([1, 2, 3]))).not.toThrow();
    expect(() => attach.run(5, Buffer.from([1, 2, 3]))).toThrow(/CHECK/);
  });

  it('samples a work order once per month, and a problem is closed only with its resolution', () => {
    migrate(db, all);
    db.prepare(`INSERT INTO staff (work_no, name, password_hash, roles, created_at, updated_at) VALUES ('C001', 'Clerk', 'x', '["clerk"]', 'now', 'now')`).run();
    db.prepare(`INSERT INTO catalogue_versions (version, published_at, source, json) VALUES (1, 'now', 'seed', '{}')`).run();
    db.prepare(`INSERT INTO customers (kind, name, id_type, id_number, phone, created_at, updated_at) VALUES ('person', '张三', 'residentId', '110105194912310029', '13800138000', 'now', 'now')`).run();
    db.prepare(`INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at, status, image, signed_at) VALUES ('tok-aaaaaaaaaaaaaaaa', 1, 1, 'h', '{}', 'now', 'signed', x'89', 'now')`).run();
    db.prepare(
      `INSERT INTO applications (public_token, idempotency_key, customer_id, catalogue_version, staff_id, counter_id, day, submitted_at, fee_hash, total_fen, signature_request_id, snapshot)
       VALUES ('pub-aaaaaaaaaaaaaaaa', 'key-1', 1, 1, 1, 1, '2026-03-02', 'now', 'h', 0, 1, '{}')`,
    ).run();
    db.prepare(`INSERT INTO work_orders (application_id, utility, due_day, created_at, updated_at) VALUES (1, 'gas', '2026-03-05', 'n', 'n')`).run();
    const task = db.prepare(`INSERT INTO follow_up_tasks (period, work_order_id, application_id, utility, customer_id, customer_kind, generated_at) VALUES (?, 1, 1, 'gas', 1, 'person', 'now')`);
    task.run('2026-03');
    expect(() => task.run('2026-03')).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE follow_up_tasks SET state = 'done', done_at = 'now'`).run()).toThrow(/CHECK/);
    const problem = db.prepare(`INSERT INTO follow_up_problems (task_id, description, found_day, due_day, closed_at, closed_day, resolution) VALUES (1, '燃气表漏气', '2026-04-01', '2026-04-06', ?, ?, ?)`);
    expect(() => problem.run('now', '2026-04-02', null)).toThrow(/CHECK/);
    expect(() => problem.run(null, null, null)).not.toThrow();
  });
});
