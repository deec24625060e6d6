import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MANUAL, DEFAULT_SCHEDULED } from '../../db/backup-retention.ts';
import { getCategoryByPrefix } from '../../db/categories.ts';
import { insertTicket } from '../../db/tickets.ts';
import { openTestHall, type TestHall } from '../core/testing.ts';
import { backupIfDue, type BackupPolicy } from './backup-scheduler.ts';

// A real hall database (the seeded categories open 08:30–17:30 Shanghai time unless changed)
// and a real backup folder: the scheduler's decision is read off the files it writes.
let hall: TestHall | undefined;
let dir: string | undefined;
afterEach(() => {
  hall?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const logger = pino({ level: 'silent' });

function setUp() {
  hall = openTestHall();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-sched-'));
  const policy: BackupPolicy = { dir, scheduled: DEFAULT_SCHEDULED, manual: DEFAULT_MANUAL, manualEveryMinutes: 5 };
  return {
    h: hall,
    policy,
    files: () =>
      fs
        .readdirSync(dir ?? '')
        .filter((f) => f.startsWith('onewindow-'))
        .sort(),
  };
}

describe('the daily backup waits for the hall to close', () => {
  it('makes no copy during opening hours while yesterday’s exists, and makes it after closing', async () => {
    const { h, policy, files } = setUp();
    const category = getCategoryByPrefix(h.db, 'A');
    if (!category) throw new Error('no category A');
    fs.writeFileSync(path.join(policy.dir, 'onewindow-2026-11-24.db'), 'yesterday');
    // 10:00 in the hall, a Wednesday.
    expect(await backupIfDue(h.db, policy, new Date('2026-11-25T02:00:00Z'), logger)).toBeUndefined();
    expect(files()).toEqual(['onewindow-2026-11-24.db']);
    // 18:00, after closing: the day's copy.
    const made = await backupIfDue(h.db, policy, new Date('2026-11-25T10:00:00Z'), logger);
    expect(made).toBe(path.join(policy.dir, 'onewindow-2026-11-25.db'));
    expect(files()).toEqual(['onewindow-2026-11-24.db', 'onewindow-2026-11-25.db']);
  });

  it('catches up a missed night when nobody is waiting, not while a ticket waits', async () => {
    const { h, policy, files } = setUp();
    const category = getCategoryByPrefix(h.db, 'A');
    if (!category) throw new Error('no category A');
    const tenAm = new Date('2026-11-25T02:00:00Z');
    insertTicket(h.db, {
      day: '2026-11-25',
      categoryId: category.id,
      seq: 1,
      number: 'A001',
      priority: 'normal',
      token: 't1',
      phone: null,
      idMasked: null,
      issuedAt: tenAm.toISOString(),
      queuedAt: tenAm.toISOString(),
    });
    expect(await backupIfDue(h.db, policy, tenAm, logger)).toBeUndefined();
    expect(files()).toEqual([]);
    h.db.prepare("UPDATE tickets SET status = 'done'").run();
    expect(await backupIfDue(h.db, policy, tenAm, logger)).toBe(path.join(policy.dir, 'onewindow-2026-11-25.db'));
  });
});
