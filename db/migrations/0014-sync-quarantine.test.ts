import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { listQuarantined, quarantineUpdate } from '../sync.ts';
import { migrations } from './index.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0014-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration 0014: quarantined sync updates', () => {
  it('keeps what could not be read per utility, newest first, and refuses an unknown problem kind', () => {
    migrate(db, migrations.filter((m) => m.version <= 14));
    const base = { receivedAt: '2026-11-25T02:00:00.000Z', pageCursor: '7', raw: '{"status":"suspended"}', field: 'status' };
    quarantineUpdate(db, { ...base, utility: 'gas', position: 1, problem: 'unknownStatus' });
    quarantineUpdate(db, { ...base, utility: 'gas', position: 4, problem: 'missingField' });
    quarantineUpdate(db, { ...base, utility: 'water', position: 0, problem: 'invalid' });
    expect(listQuarantined(db, 'gas', 10).map((q) => q.position)).toEqual([4, 1]);
    expect(() => db.prepare(`INSERT INTO sync_quarantine (utility, received_at, position, raw, problem) VALUES ('gas', 'x', 0, '{}', 'other')`).run()).toThrow(/CHECK/);
  });
});
