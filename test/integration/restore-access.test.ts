import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-chain.ts';
import { listAudit } from '../../db/audit.ts';
import { startHallInProcess } from '../../main/server/hall.ts';
import { createAdmin, createStaff, login, pairDevice, PASSWORD, post, postOk, tempDataDir, testHallClock } from './hall-fixture.ts';

/**
 * A restore brings back an older database. Run as an attacker would use it: a kiosk revoked and
 * a clerk deactivated after the backup must stay out, and the trail of both, and of the restore
 * itself, must be in the audit log — whose chain still holds.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a restore of an older backup', () => {
  it('ends every session, makes devices pair again, keeps later revocations and deactivations, and keeps the audit trail', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    let hall = await startHallInProcess({ dataDir, port: 0, logLevel: 'silent', clock: testHallClock() });
    const adminAccount = await createAdmin(hall.url);
    const admin = await login(hall.url, adminAccount);
    const kiosk = await pairDevice(hall.url, admin, 'kiosk');
    const clerk = await createStaff(hall.url, admin, ['clerk']);
    const backup = await postOk<{ name: string }>(hall.url, 'backups/run', {}, admin);
    // After the backup too: a water company's clerk joins; the account comes back whole, its utility with it.
    const joiner = await createStaff(hall.url, admin, ['clerk']);
    await postOk(hall.url, 'staff/setUtility', { id: joiner.id, utility: 'water' }, admin);

    // After the backup: the kiosk is stolen and revoked, the clerk leaves and is deactivated.
    await postOk(hall.url, 'devices/revoke', { id: kiosk.deviceId }, admin);
    await postOk(hall.url, 'staff/update', { id: clerk.id, active: false }, admin);
    expect((await post(hall.url, 'hall/status', {}, kiosk.token)).status).toBe(401);
    await postOk(hall.url, 'backups/restore', { name: backup.name, confirm: backup.name }, admin);
    await hall.close();

    hall = await startHallInProcess({ dataDir, port: 0, logLevel: 'silent', clock: testHallClock() });
    try {
      // The revoked kiosk's token does not come back with the older copy; nor does the leaver's password.
      expect((await post(hall.url, 'hall/status', {}, kiosk.token)).status).toBe(401);
      expect((await post(hall.url, 'auth/login', { workNo: clerk.workNo, password: PASSWORD })).body).toMatchObject({ ok: false });
      // Every session ended, the administrator's too: they sign in again.
      expect((await post(hall.url, 'auth/me', {}, admin)).status).toBe(401);
      const again = await login(hall.url, adminAccount);
      const profiles = await postOk<{ staffId: number; utility: string | null }[]>(hall.url, 'staff/profiles', {}, again);
      expect(profiles.find((p) => p.staffId === joiner.id)).toMatchObject({ utility: 'water' });
      const devices = await postOk<{ id: number; revokedAt: string | null }[]>(hall.url, 'devices/list', {}, again);
      expect(devices.every((d) => d.revokedAt !== null)).toBe(true);

      // The trail: what was written after the copy was taken (its own backups.run, the revocation, the
      // deactivation, the staging), then the restore, chained.
      const actions = listAudit(hall.core.deps.db, { limit: 50 }).map((e) => e.action);
      expect(actions.slice(0, 6)).toEqual([
        'backups.restoreApplied',
        'backups.restoreStaged',
        'staff.update',
        'devices.revoke',
        'staff.setUtility',
        'staff.create',
      ]);
      expect(listAudit(hall.core.deps.db, { action: 'backups.restoreApplied', limit: 1 })[0]?.after).toMatchObject({
        chainContinued: true,
        devicesToPair: 1,
        carriedAuditEntries: 6,
      });
      expect(verifyAuditChain(hall.core.deps.db)).toMatchObject({ ok: true });
      expect(await postOk(hall.url, 'audit/verify', {}, again)).toMatchObject({ ok: true, brokenAtId: null });
    } finally {
      await hall.close();
    }
  });
});
