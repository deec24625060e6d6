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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0015-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const queue = (type: string, recordId: string) =>
  db.prepare(`INSERT INTO sync_outbox (utility, type, record_id, version, data, queued_at) VALUES ('gas', ?, ?, 1, '{}', '2026-11-25T02:00:00.000Z')`).run(type, recordId);

describe('migration 0015: personal-data retention', () => {
  it('keeps the queued records, takes erasure records, still refuses an unknown type, and adds the erasure marks', () => {
    migrate(db, migrations.filter((m) => m.version <= 14));
    queue('workOrder', '1');
    expect(() => queue('erasure', '1')).toThrow(/CHECK/);
    migrate(db, migrations.filter((m) => m.version <= 15));
    queue('erasure', '1');
    expect(() => queue('somethingElse', '1')).toThrow(/CHECK/);
    expect(db.prepare('SELECT type, record_id AS recordId, personal_erased_at AS erased FROM sync_outbox ORDER BY seq').all()).toEqual([
      { type: 'workOrder', recordId: '1', erased: null },
      { type: 'erasure', recordId: '1', erased: null },
    ]);
    for (const [table, column] of [['customers', 'erased_at'], ['signature_requests', 'image_erased_at'], ['sync_batches', 'drop_removed_at']] as const) {
      expect((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name)).toContain(column);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The connection is back in defensive mode: the schema table cannot be written again.
    expect(() => db.prepare(`UPDATE sqlite_schema SET sql = sql WHERE name = 'sync_outbox'`).run()).toThrow();
  });

  it('is seen by a second connection opened on the file', () => {
    migrate(db, migrations.filter((m) => m.version <= 15));
    const other = openDatabase(path.join(dir, 'hall.db'));
    try {
      other.prepare(`INSERT INTO sync_outbox (utility, type, record_id, version, data, queued_at) VALUES ('water', 'erasure', '9', 1, '{}', 'x')`).run();
    } finally {
      closeDatabase(other);
    }
  });
});
