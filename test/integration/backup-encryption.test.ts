import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../db/audit.ts';
import { type Clock, runningClock } from '../../main/core/clock.ts';
import { startHallInProcess } from '../../main/server/hall.ts';

type RunningHall = Awaited<ReturnType<typeof startHallInProcess>>;
import { type Account, createAdmin, login, post, postOk, tempDataDir, TEST_HALL_START } from './hall-fixture.ts';

/**
 * Backups encrypted under the administrator's backup password (issue #15), over the real hall
 * server, its SQLite file and its backup folder: what is on disk, a restore with and without the
 * password across a restart, a changed password, older plain copies, and guesses in bursts.
 */
const dirs: string[] = [];
const halls: RunningHall[] = [];
afterEach(async () => {
  for (const hall of halls.splice(0)) await hall.close().catch(() => undefined);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const BACKUP_PASSWORD = 'Beifen-mima-2026';
const NEW_BACKUP_PASSWORD = 'Xin-beifen-mima-2027';
const CUSTOMER = '欧阳明月';
const complaint = (complainantName: string) => ({ channel: 'window', complainantName, content: '排队时间过长', receivedAt: TEST_HALL_START });

/** The hall's clock, moved on by the test (a manual backup waits five minutes after the last). */
function movableClock(): Clock & { advanceMinutes: (minutes: number) => void } {
  let offsetMs = 0;
  const clock = runningClock(new Date(TEST_HALL_START), () => performance.now() + offsetMs);
  return { now: clock.now, advanceMinutes: (minutes) => void (offsetMs += minutes * 60_000) };
}

async function openHall(dataDir: string, clock: Clock): Promise<RunningHall> {
  const hall = await startHallInProcess({ dataDir, port: 0, logLevel: 'silent', clock });
  halls.push(hall);
  return hall;
}

async function closeHall(hall: RunningHall): Promise<void> {
  halls.splice(halls.indexOf(hall), 1);
  await hall.close();
}

type BackupInfo = { name: string; encryption: 'none' | 'current' | 'older' };
type BackupList = { backups: BackupInfo[]; pending: { backup: string } | null; key: { state: string; setAt: string | null } };

const errorOf = async (url: string, method: string, input: unknown, token: string) => {
  const { body } = await post(url, method, input, token);
  return body.ok ? undefined : body.error;
};

function expectNothingDecrypted(dataDir: string) {
  expect(readdirSync(dataDir).filter((n) => n.startsWith('restore-decrypting-') || n.startsWith('backup-in-progress-'))).toEqual([]);
}

/** What a refused restore must leave: nothing staged, no decrypted copy in the data folder. */
function expectNothingStaged(dataDir: string) {
  expect(existsSync(join(dataDir, 'restore-pending.db'))).toBe(false);
  expectNothingDecrypted(dataDir);
}

describe('backups encrypted with the backup password', () => {
  it('are written without the data in clear, and restore with the right password only; older plain copies still restore', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const clock = movableClock();
    let hall = await openHall(dataDir, clock);
    const admin: Account = await createAdmin(hall.url);
    let token = await login(hall.url, admin);
    const backupDir = join(dataDir, 'backups');

    const before = await postOk<{ id: number }>(hall.url, 'complaints/register', complaint(CUSTOMER), token);
    // Until a password is set the hall says its backups are not encrypted.
    expect(await postOk<BackupList>(hall.url, 'backups/list', {}, token)).toMatchObject({ key: { state: 'off', setAt: null } });
    const plain = await postOk<BackupInfo>(hall.url, 'backups/run', {}, token);
    expect(plain).toMatchObject({ name: expect.stringMatching(/\.db$/), encryption: 'none' });

    // The staff password rules, and the password typed twice.
    expect(await errorOf(hall.url, 'backups/setPassword', { password: 'short1', confirm: 'short1' }, token)).toMatchObject({
      code: 'validation',
      details: { fields: [{ path: 'password', key: 'field.passwordTooShort' }] },
    });
    expect(await errorOf(hall.url, 'backups/setPassword', { password: BACKUP_PASSWORD, confirm: `${BACKUP_PASSWORD}x` }, token)).toMatchObject({
      code: 'validation',
      details: { fields: [{ path: 'confirm', key: 'field.passwordsDiffer' }] },
    });
    expect(await postOk(hall.url, 'backups/setPassword', { password: BACKUP_PASSWORD, confirm: BACKUP_PASSWORD }, token)).toMatchObject({ changed: false });
    expect(await postOk<BackupList>(hall.url, 'backups/list', {}, token)).toMatchObject({ key: { state: 'on', setAt: expect.any(String) } });

    clock.advanceMinutes(5);
    const encrypted = await postOk<BackupInfo>(hall.url, 'backups/run', {}, token);
    expect(encrypted).toMatchObject({ name: expect.stringMatching(/^onewindow-manual-.*\.db\.enc$/), encryption: 'current' });
    const bytes = readFileSync(join(backupDir, encrypted.name));
    expect(bytes.subarray(0, 8).toString('ascii')).toBe('OWBACKUP');
    expect(bytes.includes(Buffer.from(CUSTOMER, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3', 'ascii'))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(join(backupDir, encrypted.name)).mode & 0o777).toBe(0o600);
    // Nothing of the database was left in clear by the copy: neither in the backup folder nor in the data folder.
    expect(readdirSync(backupDir).sort()).toEqual([plain.name, encrypted.name].sort());
    expectNothingStaged(dataDir);

    // Registered after the copies: a restore takes it away.
    await postOk(hall.url, 'complaints/register', complaint('赵五'), token);
    const restore = (name: string, password?: string) =>
      errorOf(hall.url, 'backups/restore', { name, confirm: name, ...(password === undefined ? {} : { password }) }, token);

    expect(await restore(encrypted.name)).toMatchObject({ code: 'conflict', messageKey: 'errors.ledgers.backupPasswordNeeded' });
    expectNothingStaged(dataDir);
    expect(await restore(encrypted.name, 'Wrong-password-1')).toMatchObject({ code: 'conflict', messageKey: 'errors.ledgers.backupPasswordWrong' });
    expectNothingStaged(dataDir);
    expect(await postOk<BackupList>(hall.url, 'backups/list', {}, token)).toMatchObject({ pending: null });

    // A new password: new backups use it, the earlier one still needs the old.
    expect(await postOk(hall.url, 'backups/setPassword', { password: NEW_BACKUP_PASSWORD, confirm: NEW_BACKUP_PASSWORD }, token)).toMatchObject({
      changed: true,
    });
    clock.advanceMinutes(5);
    const later = await postOk<BackupInfo>(hall.url, 'backups/run', {}, token);
    expect(later.encryption).toBe('current');
    const listed = await postOk<BackupList>(hall.url, 'backups/list', {}, token);
    expect(Object.fromEntries(listed.backups.map((b) => [b.name, b.encryption]))).toEqual({
      [plain.name]: 'none',
      [encrypted.name]: 'older',
      [later.name]: 'current',
    });
    expect(await restore(later.name, BACKUP_PASSWORD)).toMatchObject({ messageKey: 'errors.ledgers.backupPasswordWrong' });
    expect(await restore(encrypted.name, NEW_BACKUP_PASSWORD)).toMatchObject({ messageKey: 'errors.ledgers.backupPasswordWrong' });
    expectNothingStaged(dataDir);

    // The right (old) password stages it; the decrypted copy does not stay behind.
    expect(await postOk(hall.url, 'backups/restore', { name: encrypted.name, confirm: encrypted.name, password: BACKUP_PASSWORD }, token)).toMatchObject({
      backup: encrypted.name,
    });
    expectNothingDecrypted(dataDir);
    if (process.platform !== 'win32') expect(statSync(join(dataDir, 'restore-pending.db')).mode & 0o777).toBe(0o600);

    // On the trail: every refusal and the staging, never a password.
    const trail = listAudit(hall.core.deps.db, { limit: 50 });
    expect(trail.filter((e) => e.action === 'backups.restoreRefused').map((e) => (e.after as { reason: string }).reason)).toEqual([
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'password_needed',
    ]);
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['backups.passwordSet', 'backups.passwordChanged', 'backups.restoreStaged']));
    const trailText = JSON.stringify(trail);
    for (const secret of [BACKUP_PASSWORD, NEW_BACKUP_PASSWORD, 'Wrong-password-1']) expect(trailText).not.toContain(secret);

    await closeHall(hall);
    hall = await openHall(dataDir, clock);
    token = await login(hall.url, admin);
    const restored = await postOk<{ complaints: { id: number }[] }>(hall.url, 'complaints/list', {}, token);
    expect(restored.complaints.map((c) => c.id)).toEqual([before.id]);

    // A plain copy made before any password still restores, without one.
    expect(await postOk(hall.url, 'backups/restore', { name: plain.name, confirm: plain.name }, token)).toMatchObject({ backup: plain.name });
    await closeHall(hall);
    hall = await openHall(dataDir, clock);
    token = await login(hall.url, admin);
    expect((await postOk<{ complaints: unknown[] }>(hall.url, 'complaints/list', {}, token)).complaints).toHaveLength(1);
  });

  it('stop a burst of wrong passwords: after five, even the right one waits a quarter of an hour', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const clock = movableClock();
    const hall = await openHall(dataDir, clock);
    const token = await login(hall.url, await createAdmin(hall.url));
    await postOk(hall.url, 'backups/setPassword', { password: BACKUP_PASSWORD, confirm: BACKUP_PASSWORD }, token);
    const backup = await postOk<BackupInfo>(hall.url, 'backups/run', {}, token);
    const restore = (password: string) => errorOf(hall.url, 'backups/restore', { name: backup.name, confirm: backup.name, password }, token);

    // Sent all at once, guesses are checked one at a time: the others are turned away unchecked.
    const burst = await Promise.all([1, 2, 3].map((i) => restore(`Wrong-burst-${i}0000`)));
    const wrongInBurst = burst.filter((e) => e?.messageKey === 'errors.ledgers.backupPasswordWrong').length;
    expect(wrongInBurst).toBeGreaterThanOrEqual(1);
    expect(burst.filter((e) => e?.messageKey === 'errors.ledgers.restoreInProgress')).toHaveLength(3 - wrongInBurst);
    expect(wrongInBurst).toBeLessThan(3);

    for (let i = 1 + wrongInBurst; i <= 4; i += 1)
      expect(await restore(`Wrong-guess-${i}0000`)).toMatchObject({ code: 'conflict', messageKey: 'errors.ledgers.backupPasswordWrong' });
    expect(await restore('Wrong-guess-50000')).toMatchObject({
      code: 'locked',
      messageKey: 'errors.ledgers.backupPasswordBlocked',
      details: { until: expect.any(String) },
    });
    expect(await restore(BACKUP_PASSWORD)).toMatchObject({ code: 'locked', messageKey: 'errors.ledgers.backupPasswordBlocked' });
    expectNothingStaged(dataDir);

    clock.advanceMinutes(16);
    // What a crash mid-restore would have left in the data folder goes with the next restore.
    writeFileSync(join(dataDir, 'restore-decrypting-0123456789ab.db'), 'half a decrypted database');
    expect(await restore(BACKUP_PASSWORD)).toBeUndefined();
    expectNothingDecrypted(dataDir);
    expect(await postOk<BackupList>(hall.url, 'backups/list', {}, token)).toMatchObject({ pending: { backup: backup.name } });
  });
});
