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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0020-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

// The outer search of the retention job's erasure (db/retention.ts eraseSignatures).
const planOfDue = () =>
  (
    db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM signature_requests WHERE status = 'signed' AND image_erased_at IS NULL AND signed_at < ?`)
      .all('2023-12-04T00:00:00Z') as { detail: string }[]
  ).map((r) => r.detail);

describe('migration 0020: signature images still kept', () => {
  it('lets the retention job read only the kept images signed before the cut-off', () => {
    migrate(db, migrations.filter((m) => m.version <= 19));
    expect(planOfDue().join(' | ')).toMatch(/SCAN signature_requests/);
    migrate(db);
    expect(planOfDue().join(' | ')).toMatch(/SEARCH signature_requests USING INDEX signature_requests_kept \(signed_at<\?\)/);
  });

  it('holds only signed images not yet erased', () => {
    migrate(db);
    const staffId = db.prepare(`INSERT INTO staff (work_no, name, password_hash, roles, created_at, updated_at) VALUES ('C001', 'Clerk', 'x', '["clerk"]', 'x', 'x')`).run().lastInsertRowid;
    // The migrations seed the hall's first window.
    const counterId = db.prepare('SELECT id FROM counters LIMIT 1').pluck().get();
    const add = (token: string, status: string, signedAt: string | null, image: Buffer | null) =>
      db
        .prepare(`INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at, status, signed_at, image) VALUES (?, ?, ?, 'h', '{}', 'now', ?, ?, ?)`)
        .run(token, counterId, staffId, status, signedAt, image);
    add('pending-1', 'pending', null, null);
    add('signed-old', 'signed', '2020-01-01T00:00:00Z', Buffer.from([0x89]));
    add('signed-new', 'signed', '2026-11-01T00:00:00Z', Buffer.from([0x89]));
    db.prepare(`UPDATE signature_requests SET image = X'', image_erased_at = 'now' WHERE token = 'signed-new'`).run();
    const indexed = db.prepare(`SELECT token FROM signature_requests INDEXED BY signature_requests_kept WHERE status = 'signed' AND image_erased_at IS NULL AND signed_at < '9999'`).pluck().all();
    expect(indexed).toEqual(['signed-old']);
  });
});
