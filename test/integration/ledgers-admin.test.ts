import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHall } from '../../main/server/hall.ts';
import { type Account, createAdmin, createStaff, login, post, postOk, tempDataDir, testHallClock, TEST_HALL_START } from './hall-fixture.ts';

/**
 * Administration over the real hall server: backups made, listed and restored across a
 * restart of the server, and the audit viewer's filters.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const complaint = { channel: 'window', complainantName: '李四', content: '排队时间过长', receivedAt: TEST_HALL_START };

describe('backups', () => {
  it('makes a backup now, and a confirmed restore replaces the database at the next start, keeping the one it replaced', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    let hall = await startHall({ dataDir, port: 0, logLevel: 'silent', clock: testHallClock() });
    const admin: Account = await createAdmin(hall.url);
    let token = await login(hall.url, admin);

    expect(await postOk(hall.url, 'backups/list', {}, token)).toMatchObject({ available: true, backups: [], pending: null, keep: 14 });
    const before = await postOk<{ id: number }>(hall.url, 'complaints/register', complaint, token);
    const backup = await postOk<{ name: string; sizeBytes: number }>(hall.url, 'backups/run', {}, token);
    expect(backup.name).toMatch(/^onewindow-manual-\d{4}-\d{2}-\d{2}T\d{6}\.db$/);
    expect(backup.sizeBytes).toBeGreaterThan(0);
    // Registered after the backup: the restore will take it away.
    await postOk(hall.url, 'complaints/register', { ...complaint, complainantName: '赵五' }, token);

    const unconfirmed = await post(hall.url, 'backups/restore', { name: backup.name, confirm: 'yes' }, token);
    expect(unconfirmed.body).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: [{ path: 'confirm', key: 'field.confirmBackupName' }] } },
    });
    expect((await post(hall.url, 'backups/restore', { name: '../onewindow.db', confirm: '../onewindow.db' }, token)).body).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect((await post(hall.url, 'backups/restore', { name: 'onewindow-1999-01-01.db', confirm: 'onewindow-1999-01-01.db' }, token)).body).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.ledgers.backupNotFound' },
    });

    const pending = await postOk(hall.url, 'backups/restore', { name: backup.name, confirm: backup.name }, token);
    expect(pending).toMatchObject({ backup: backup.name });
    expect(await postOk(hall.url, 'backups/list', {}, token)).toMatchObject({ pending: { backup: backup.name } });
    // Until the restart the hall works on as it was.
    expect((await postOk<{ complaints: unknown[] }>(hall.url, 'complaints/list', {}, token)).complaints).toHaveLength(2);

    await hall.close();
    hall = await startHall({ dataDir, port: 0, logLevel: 'silent', clock: testHallClock() });
    token = await login(hall.url, admin);
    const after = await postOk<{ complaints: { id: number }[] }>(hall.url, 'complaints/list', {}, token);
    expect(after.complaints.map((c) => c.id)).toEqual([before.id]);
    expect(await postOk(hall.url, 'backups/list', {}, token)).toMatchObject({ pending: null });
    expect(readdirSync(dataDir).filter((f) => f.startsWith('pre-restore-') && f.endsWith('.db'))).toHaveLength(1);
    expect(existsSync(join(dataDir, 'restore-pending.db'))).toBe(false);
    await hall.close();
  });
});

describe('the audit viewer', () => {
  it('filters by who, action prefix, target and day, with before and after', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const hall = await startHall({ dataDir, port: 0, logLevel: 'silent', clock: testHallClock() });
    try {
      const adminToken = await login(hall.url, await createAdmin(hall.url));
      const manager = await createStaff(hall.url, adminToken, ['manager']);
      const clerk = await createStaff(hall.url, adminToken, ['clerk']);
      const { id } = await postOk<{ id: number }>(hall.url, 'complaints/register', complaint, manager.token);
      await postOk(hall.url, 'complaints/investigate', { id, investigation: '查实' }, manager.token);
      await postOk(hall.url, 'complaints/reveal', { id, reason: '回电' }, manager.token);

      type Entry = { action: string; actorWorkNo: string | null; target: string | null; before: unknown; after: unknown };
      const list = (filter: object) => postOk<{ entries: Entry[]; actions: string[] }>(hall.url, 'audit/list', filter, adminToken);

      const byManager = await list({ actorStaffId: manager.id });
      expect(byManager.entries.map((e) => e.action)).toEqual(['complaints.reveal', 'complaints.investigate', 'complaints.register']);
      expect(byManager.entries.every((e) => e.actorWorkNo === manager.workNo)).toBe(true);
      expect(byManager.actions).toEqual(expect.arrayContaining(['staff.create', 'complaints.register']));

      const investigate = (await list({ action: 'complaints.investigate' })).entries[0];
      expect(investigate).toMatchObject({
        target: `complaint:${id}`,
        before: { state: 'registered', investigation: null },
        after: { state: 'investigating', investigation: '查实' },
      });
      expect((await list({ action: 'complaints.' })).entries).toHaveLength(3);
      expect((await list({ target: 'staff:' })).entries.map((e) => e.action)).toEqual(['staff.create', 'staff.create', 'setup.createAdmin']);
      // The pinned hall day is 2026-11-25; the audit viewer's days are the hall's.
      const tomorrow = '2026-11-26';
      expect((await list({ fromDay: tomorrow })).entries).toEqual([]);
      expect((await list({ toDay: tomorrow })).entries.length).toBeGreaterThanOrEqual(5);

      // The viewer is a manager's: a clerk is refused.
      expect((await post(hall.url, 'audit/list', {}, clerk.token)).status).toBe(403);
    } finally {
      await hall.close();
    }
  });
});
