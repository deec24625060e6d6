import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockedUntil, clearAttempts, recordFailedAttempt } from '../attempt-limits.ts';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate, schemaVersion } from '../migrate.ts';
import { migrations } from './index.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0011-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const policy = { maxFailures: 3, windowMs: 10 * 60_000, blockMs: 5 * 60_000 };
const at = (minutes: number) => new Date(Date.parse('2026-11-25T02:00:00Z') + minutes * 60_000);

describe('migration 0011: attempt limits', () => {
  it('counts failures per scope and key, blocks at the limit until the block ends, and starts a new window after the old one', () => {
    migrate(db, migrations.filter((m) => m.version <= 11));
    expect(schemaVersion(db)).toBe(11);

    expect(recordFailedAttempt(db, 'pairing.source', '10.0.0.9', at(0), policy)).toBeUndefined();
    expect(recordFailedAttempt(db, 'pairing.source', '10.0.0.9', at(1), policy)).toBeUndefined();
    // Another key and another scope count apart.
    expect(recordFailedAttempt(db, 'pairing.source', '10.0.0.10', at(1), policy)).toBeUndefined();
    expect(recordFailedAttempt(db, 'pairing.code', '10.0.0.9', at(1), policy)).toBeUndefined();
    const until = recordFailedAttempt(db, 'pairing.source', '10.0.0.9', at(2), policy);
    expect(until).toBe(at(7).toISOString());
    expect(blockedUntil(db, 'pairing.source', '10.0.0.9', at(6).toISOString())).toBe(until);
    expect(blockedUntil(db, 'pairing.source', '10.0.0.10', at(6).toISOString())).toBeUndefined();
    expect(blockedUntil(db, 'pairing.source', '10.0.0.9', at(7).toISOString())).toBeUndefined();

    // Eleven minutes after the first failure the window is over: one more failure is the first of a new one.
    expect(recordFailedAttempt(db, 'pairing.source', '10.0.0.9', at(11), policy)).toBeUndefined();
    expect(db.prepare(`SELECT failures FROM attempt_limits WHERE scope = 'pairing.source' AND key = '10.0.0.9'`).get()).toEqual({ failures: 1 });
    clearAttempts(db, 'pairing.source', '10.0.0.9');
    expect(db.prepare(`SELECT count(*) AS n FROM attempt_limits WHERE key = '10.0.0.9' AND scope = 'pairing.source'`).get()).toEqual({ n: 0 });
  });
});
