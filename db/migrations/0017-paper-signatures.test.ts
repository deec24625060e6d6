import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0017-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const seedCounterAndStaff = () => {
  db.prepare(`INSERT INTO staff (work_no, name, password_hash, roles, created_at, updated_at) VALUES ('C001', 'Clerk', 'x', '["clerk"]', 'x', 'x')`).run();
  const staffId = (db.prepare('SELECT id FROM staff').get() as { id: number }).id;
  const counterId = (db.prepare('SELECT id FROM counters LIMIT 1').get() as { id: number } | undefined)?.id ?? Number(db.prepare(`INSERT INTO counters (number, name, created_at) VALUES (1, '1', 'x')`).run().lastInsertRowid);
  return { staffId, counterId };
};

type Ids = { staffId: number; counterId: number };
type Row = { status?: string; signedAt?: string; image?: Buffer; kind?: string; recordedBy?: number };

// Before 0017 there is no kind or recorded_by to name.
const requestBefore = (ids: Ids, token: string, r: Row) =>
  db
    .prepare(`INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at, status, signed_at, image) VALUES (?, ?, ?, 'h', '{}', 'x', ?, ?, ?)`)
    .run(token, ids.counterId, ids.staffId, r.status ?? 'pending', r.signedAt ?? null, r.image ?? null);

const request = (ids: Ids, token: string, r: Row) =>
  db
    .prepare(
      `INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at, status, signed_at, image, kind, recorded_by)
         VALUES (?, ?, ?, 'h', '{}', 'x', ?, ?, ?, ?, ?)`,
    )
    .run(token, ids.counterId, ids.staffId, r.status ?? 'pending', r.signedAt ?? null, r.image ?? null, r.kind ?? 'screen', r.recordedBy ?? null);

describe('migration 0017: paper signatures', () => {
  it('keeps screen signatures as they were, takes a paper one without an image, and still refuses a screen one without', () => {
    migrate(db, migrations.filter((m) => m.version <= 16));
    const ids = seedCounterAndStaff();
    requestBefore(ids, 'screen-signed', { status: 'signed', signedAt: 'x', image: Buffer.from([1]) });
    // Before: signed without an image is refused.
    expect(() => requestBefore(ids, 'paper-before', { status: 'signed', signedAt: 'x' })).toThrow(/CHECK/);
    migrate(db);
    expect(db.prepare('SELECT token, kind, recorded_by AS recordedBy FROM signature_requests').all()).toEqual([{ token: 'screen-signed', kind: 'screen', recordedBy: null }]);
    request(ids, 'paper', { status: 'signed', signedAt: 'x', kind: 'paper', recordedBy: ids.staffId });
    expect(() => request(ids, 'screen-no-image', { status: 'signed', signedAt: 'x' })).toThrow(/CHECK/);
    expect(() => request(ids, 'other-kind', { kind: 'fax' })).toThrow(/CHECK/);
    // Signed still means a signing time, whatever the kind.
    expect(() => request(ids, 'paper-no-time', { status: 'signed', kind: 'paper' })).toThrow(/CHECK/);
    expect(() => request(ids, 'stranger', { kind: 'paper', recordedBy: 999 })).toThrow(/FOREIGN KEY/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('is seen by a second connection opened on the file', () => {
    migrate(db);
    const ids = seedCounterAndStaff();
    const other = openDatabase(path.join(dir, 'hall.db'));
    try {
      other
        .prepare(`INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at, status, signed_at, kind) VALUES ('p', ?, ?, 'h', '{}', 'x', 'signed', 'x', 'paper')`)
        .run(ids.counterId, ids.staffId);
    } finally {
      closeDatabase(other);
    }
  });
});
