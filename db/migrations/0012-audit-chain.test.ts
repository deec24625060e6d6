import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../audit.ts';
import { verifyAuditChain } from '../audit-chain.ts';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0012-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const entry = (action: string) => ({ at: '2026-11-25T02:00:00.000Z', actorStaffId: null, action, target: 'device:1', before: undefined, after: { n: 1 } });

describe('migration 0012: a hash-chained audit log', () => {
  it('chains the entries written before it, goes on chaining, and shows where an entry was changed or removed', () => {
    migrate(db, migrations.filter((m) => m.version <= 11));
    // Written by the pre-0012 code: no hash columns yet.
    const insert = db.prepare(`INSERT INTO audit_log (at, action, target, after_json) VALUES ('2026-11-24T02:00:00.000Z', ?, 'staff:1', '{}')`);
    insert.run('staff.create');
    insert.run('devices.pair');

    migrate(db, migrations.filter((m) => m.version <= 12));
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 2 });
    appendAudit(db, entry('devices.revoke'));
    appendAudit(db, entry('staff.update'));
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 4 });

    // Someone with the file edits the revocation out of history…
    db.prepare(`UPDATE audit_log SET action = 'devices.rename' WHERE action = 'devices.revoke'`).run();
    expect(verifyAuditChain(db)).toEqual({ ok: false, entries: 2, brokenAtId: 3 });
    // …or deletes it: the next entry's link no longer holds.
    db.prepare(`DELETE FROM audit_log WHERE id = 3`).run();
    expect(verifyAuditChain(db)).toEqual({ ok: false, entries: 2, brokenAtId: 4 });
  });
});
