import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { getTicketByIdempotencyKey, insertTicket } from '../tickets.ts';
import { migrations } from './index.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0013-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const ticket = (number: string, idempotencyKey: string | null) => ({
  day: '2026-11-25',
  categoryId: 1,
  seq: Number(number.slice(1)),
  number,
  priority: 'normal' as const,
  token: `t-${number}`,
  phone: null,
  idMasked: null,
  issuedAt: '2026-11-25T02:00:00.000Z',
  queuedAt: '2026-11-25T02:00:00.000Z',
  idempotencyKey,
});

describe('migration 0013: ticket idempotency keys', () => {
  it('keeps tickets of before without a key, finds one by its key, and refuses a key twice', () => {
    migrate(db, migrations.filter((m) => m.version <= 12));
    db.prepare(`INSERT INTO tickets (day, category_id, seq, number, token, issued_at, queued_at) VALUES ('2026-11-24', 1, 1, 'A001', 'old', '2026-11-24T02:00:00Z', '2026-11-24T02:00:00Z')`).run();
    migrate(db, migrations.filter((m) => m.version <= 13));
    insertTicket(db, ticket('A001', null));
    insertTicket(db, ticket('A002', null));
    const keyed = insertTicket(db, ticket('A003', 'kiosk-7f3a-press-1'));
    expect(getTicketByIdempotencyKey(db, 'kiosk-7f3a-press-1')?.id).toBe(keyed.id);
    expect(() => insertTicket(db, ticket('A004', 'kiosk-7f3a-press-1'))).toThrow(/UNIQUE/);
  });
});
