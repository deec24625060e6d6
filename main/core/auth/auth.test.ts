import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { admin, openTestHall, setUpAdmin, type TestHall, unwrap } from '../testing.ts';

let hall: TestHall;

beforeEach(() => {
  // A short idle time so the expiry test does not need to move the clock by hours.
  hall = openTestHall({ sessionPolicy: { staffIdleMinutes: 30, staffMaxHours: 12, deviceDays: 365 }, lockout: { maxFailures: 5, lockMinutes: 15 } });
});

afterEach(() => hall.close());

const login = (workNo: string, password: string) => hall.core.send('auth/login', { workNo, password });

const createStaff = async (token: string, staff: { workNo: string; name: string; password: string; roles: ('clerk' | 'manager' | 'admin')[] }) =>
  unwrap(await hall.core.send('staff/create', staff, token));

describe('first-run setup', () => {
  it('needs setup until the first administrator exists, then refuses a second one', async () => {
    expect(unwrap(await hall.core.send('setup/status', {}))).toEqual({ needsSetup: true, hallName: null, needsSetupCode: false });

    const { staff } = unwrap(await hall.core.send('setup/createAdmin', admin));
    expect(staff).toMatchObject({ workNo: 'A001', name: 'Wang Fang', active: true, locked: false });
    expect(staff.roles).toContain('admin');
    expect(unwrap(await hall.core.send('setup/status', {}))).toEqual({ needsSetup: false, hallName: 'North Hall', needsSetupCode: false });

    const again = await hall.core.send('setup/createAdmin', { ...admin, workNo: 'A002', hallName: 'Taken Over' });
    expect(again).toEqual({ ok: false, error: { code: 'already_set_up', messageKey: 'errors.alreadySetUp' } });
    expect(unwrap(await hall.core.send('setup/status', {})).hallName).toBe('North Hall');
  });

  it('asks for twelve characters and refuses the passwords guessing lists start with', async () => {
    const fieldsOf = async (password: string) => {
      const result = await hall.core.send('setup/createAdmin', { ...admin, password });
      return result.ok ? [] : (result.error.details?.fields ?? []).map((f) => f.key);
    };
    expect(await fieldsOf('Hall2026')).toContain('field.passwordTooShort');
    expect(await fieldsOf('password1234')).toEqual(['field.passwordCommon']);
    expect(await fieldsOf('Qwerty123456')).toEqual(['field.passwordCommon']);
    expect(await fieldsOf('abcdefghijk1')).toEqual([]);
    expect(unwrap(await hall.core.send('setup/status', {})).needsSetup).toBe(false);
  });

  it('refuses names with control characters or text-direction overrides', async () => {
    for (const name of ['Wang\u0000Fang', 'Wang\r\nFang', 'Wang\u202eFang']) {
      expect(await hall.core.send('setup/createAdmin', { ...admin, name })).toMatchObject({
        ok: false,
        error: { details: { fields: [{ path: 'name', key: 'field.unsafeCharacters' }] } },
      });
    }
  });

  it('checks the administrator form field by field', async () => {
    const result = await hall.core.send('setup/createAdmin', { hallName: ' ', workNo: 'A 1', name: 'Wang Fang', password: 'password' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        details: {
          fields: [
            { path: 'hallName', key: 'field.required' },
            { path: 'workNo', key: 'field.workNoFormat' },
            { path: 'password', key: 'field.passwordTooShort' },
            { path: 'password', key: 'field.passwordWeak' },
          ],
        },
      },
    });
    expect(unwrap(await hall.core.send('setup/status', {})).needsSetup).toBe(true);
  });
});

describe('login', () => {
  it('returns a token that identifies the staff member', async () => {
    await hall.core.send('setup/createAdmin', admin);
    const session = unwrap(await login('A001', 'Admin1234-north'));
    expect(session.staff).toMatchObject({ workNo: 'A001', name: 'Wang Fang' });
    expect(session.expiresAt).toBe(new Date(hall.now().getTime() + 30 * 60_000).toISOString());

    expect(unwrap(await hall.core.send('auth/me', {}, session.token))).toEqual({ kind: 'staff', staff: session.staff });
    expect(await hall.core.send('auth/me', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await hall.core.send('auth/me', {}, 'not-a-token')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('ends the session on logout', async () => {
    const { token } = await setUpAdmin(hall);
    unwrap(await hall.core.send('auth/logout', {}, token));
    expect(await hall.core.send('auth/me', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('locks the account after five wrong passwords, and lets it in again after the lock', async () => {
    await hall.core.send('setup/createAdmin', admin);

    for (let i = 0; i < 4; i += 1) {
      expect(await login('A001', 'Wrong1234')).toEqual({
        ok: false,
        error: { code: 'unauthenticated', messageKey: 'errors.badCredentials' },
      });
    }
    const lockedUntil = new Date(hall.now().getTime() + 15 * 60_000).toISOString();
    expect(await login('A001', 'Wrong1234')).toEqual({
      ok: false,
      error: { code: 'locked', messageKey: 'errors.accountLocked', details: { until: lockedUntil } },
    });

    // Locked means locked: the right password does not get through either.
    hall.advanceMinutes(14);
    expect(await login('A001', 'Admin1234-north')).toEqual({
      ok: false,
      error: { code: 'locked', messageKey: 'errors.accountLocked', details: { until: lockedUntil } },
    });

    hall.advanceMinutes(1);
    const session = unwrap(await login('A001', 'Admin1234-north'));
    expect(session.staff.locked).toBe(false);

    // The successful login started the count again from the top: four more misses do not lock.
    for (let i = 0; i < 4; i += 1) expect(await login('A001', 'Wrong1234')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(unwrap(await login('A001', 'Admin1234-north')).staff.locked).toBe(false);
  });

  it('starts the count afresh once a lock has run out', async () => {
    await hall.core.send('setup/createAdmin', admin);
    for (let i = 0; i < 5; i += 1) await login('A001', 'Wrong1234');
    hall.advanceMinutes(16);
    // One miss after the lock expired must not lock the account again.
    expect(await login('A001', 'Wrong1234')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(unwrap(await login('A001', 'Admin1234-north')).staff.locked).toBe(false);
  });

  it('checks no more guesses than the lock allows when forty arrive at once, even with the right one among them', async () => {
    await hall.core.send('setup/createAdmin', admin);
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 30 ? 'Admin1234-north' : `Wrong${1000 + i}`));
    const answers = await Promise.all(guesses.map((password) => login('A001', password)));
    // The thirty-first is right, but the burst was refused before it was checked: no session.
    expect(answers[30]).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(answers.filter((a) => a.ok)).toHaveLength(0);
    // One sign-in in flight per account: the rest never reached the password hash.
    expect(answers.filter((a) => !a.ok && a.error.messageKey === 'errors.badCredentials').length).toBeLessThanOrEqual(5);
  });

  it('stops an address that guesses across work numbers, known or not, and says which in the log; others still sign in', async () => {
    await hall.core.send('setup/createAdmin', admin);
    const attacker = { source: '192.168.1.66', local: false };
    const clerkPc = { source: '192.168.1.20', local: false };
    for (let i = 0; i < 20; i += 1) await hall.core.call('auth/login', { workNo: `Z${100 + i}`, password: 'Guess12345' }, undefined, attacker);
    const blocked = await hall.core.call('auth/login', { workNo: 'A001', password: 'Admin1234-north' }, undefined, attacker);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'locked', messageKey: 'errors.tooManyAttempts' } });
    expect(await hall.core.call('auth/login', { workNo: 'A001', password: 'Admin1234-north' }, undefined, clerkPc)).toMatchObject({ ok: true });
    // The block is in the database: a restarted hall keeps it.
    expect(hall.db.prepare(`SELECT blocked_until FROM attempt_limits WHERE scope = 'login.source' AND key = ?`).get('192.168.1.66')).toBeTruthy();
    hall.advanceMinutes(16);
    expect(await hall.core.call('auth/login', { workNo: 'A001', password: 'Admin1234-north' }, undefined, attacker)).toMatchObject({ ok: true });
  });

  it('answers an unknown work number exactly like a wrong password, without a count', async () => {
    await hall.core.send('setup/createAdmin', admin);
    const unknown = await login('Z999', 'Admin1234-north');
    const wrong = await login('A001', 'Wrong1234');
    expect(unknown).toEqual({ ok: false, error: { code: 'unauthenticated', messageKey: 'errors.badCredentials' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthenticated', messageKey: 'errors.badCredentials' } });
  });
});

describe('staff sessions', () => {
  it('expire after the idle time, but every use pushes the expiry back', async () => {
    const { token } = await setUpAdmin(hall);

    hall.advanceMinutes(20);
    unwrap(await hall.core.send('auth/me', {}, token));
    // 40 minutes after login: past the first expiry, kept alive by the use at 20.
    hall.advanceMinutes(20);
    unwrap(await hall.core.send('auth/me', {}, token));

    hall.advanceMinutes(31);
    expect(await hall.core.send('auth/me', {}, token)).toEqual({
      ok: false,
      error: { code: 'unauthenticated', messageKey: 'errors.unauthenticated' },
    });
  });

  it('end twelve hours after sign-in however busy, so a copied token is good for one shift at most', async () => {
    const { token } = await setUpAdmin(hall);
    // Used every 25 minutes all day: the idle limit never strikes…
    for (let i = 0; i < 28; i += 1) {
      hall.advanceMinutes(25);
      unwrap(await hall.core.send('auth/me', {}, token));
    }
    // …but twelve hours after sign-in (11 h 40 min have passed, 25 more) the session is over.
    hall.advanceMinutes(25);
    expect(await hall.core.send('auth/me', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('stop working once a manager deactivates the account', async () => {
    const { token: adminToken } = await setUpAdmin(hall);
    await createStaff(adminToken, { workNo: 'M001', name: 'Zhao Lei', password: 'Manager123-north', roles: ['manager'] });
    const clerk = await createStaff(adminToken, { workNo: 'C001', name: 'Chen Jing', password: 'Clerk1234-north', roles: ['clerk'] });
    const managerToken = unwrap(await login('M001', 'Manager123-north')).token;
    const clerkToken = unwrap(await login('C001', 'Clerk1234-north')).token;
    unwrap(await hall.core.send('auth/me', {}, clerkToken));
    // A clerk does not manage accounts.
    expect(await hall.core.send('staff/list', {}, clerkToken)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const updated = unwrap(await hall.core.send('staff/update', { id: clerk.id, active: false }, managerToken));
    expect(updated.active).toBe(false);

    expect(await hall.core.send('auth/me', {}, clerkToken)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(hall.core.resolve(clerkToken)).toEqual({ kind: 'anonymous' });
    // Nor can the account sign in again, and the answer does not say why.
    expect(await login('C001', 'Clerk1234-north')).toEqual({ ok: false, error: { code: 'unauthenticated', messageKey: 'errors.badCredentials' } });
  });
});

describe('staff accounts', () => {
  it('only an administrator grants the admin role; duplicates and hashes never get through', async () => {
    const { token: adminToken, staffId: adminId } = await setUpAdmin(hall);
    const manager = await createStaff(adminToken, { workNo: 'M001', name: 'Zhao Lei', password: 'Manager123-north', roles: ['manager'] });
    const managerToken = unwrap(await login('M001', 'Manager123-north')).token;

    const byManager = await hall.core.send('staff/create', { workNo: 'A002', name: 'Sun Li', password: 'Admin5678-north', roles: ['admin'] }, managerToken);
    expect(byManager).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'errors.onlyAdminGrantsRoles' } });
    // Managers take on clerks, but another manager is the administrator's call.
    expect(
      await hall.core.send('staff/create', { workNo: 'M002', name: 'Qian Wu', password: 'Manager456-north', roles: ['manager'] }, managerToken),
    ).toMatchObject({ ok: false, error: { messageKey: 'errors.onlyAdminGrantsRoles' } });
    const clerk = unwrap(await hall.core.send('staff/create', { workNo: 'C009', name: 'Li Na', password: 'Clerk12345-north', roles: ['clerk'] }, managerToken));
    expect(await hall.core.send('staff/update', { id: clerk.id, roles: ['clerk', 'manager'] }, managerToken)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.onlyAdminGrantsRoles' },
    });
    expect(await hall.core.send('staff/update', { id: clerk.id, name: 'Li Na (Window 3)' }, managerToken)).toMatchObject({ ok: true });
    // Nor can a manager promote someone to admin, or themselves.
    expect(await hall.core.send('staff/update', { id: manager.id, roles: ['admin'] }, managerToken)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    const secondAdmin = await createStaff(adminToken, { workNo: 'A002', name: 'Sun Li', password: 'Admin5678-north', roles: ['admin'] });
    expect(secondAdmin.roles).toEqual(['admin']);

    const duplicate = await hall.core.send(
      'staff/create',
      { workNo: 'M001', name: 'Someone Else', password: 'Other1234-north', roles: ['clerk'] },
      managerToken,
    );
    expect(duplicate).toEqual({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.workNoTaken', details: { fields: [{ path: 'workNo', key: 'field.workNoTaken' }] } },
    });

    const list = unwrap(await hall.core.send('staff/list', {}, managerToken));
    expect(list.map((s) => s.workNo)).toEqual(['A001', 'A002', 'C009', 'M001']);
    const hashes = hall.db.prepare('SELECT password_hash FROM staff').pluck().all().map(String);
    expect(hashes).toHaveLength(4);
    const listed = JSON.stringify(list);
    for (const hash of hashes) {
      expect(listed).not.toContain(hash);
      // Not even the salt or the derived key on their own.
      for (const part of hash.split('$').slice(4)) expect(listed).not.toContain(part);
    }
    for (const entry of list) expect(Object.keys(entry).sort()).toEqual(['active', 'createdAt', 'id', 'locked', 'name', 'roles', 'workNo']);

    const audit = listAudit(hall.db, { action: 'staff.create', limit: 10 });
    expect(audit.map((row) => ({ actor: row.actorStaffId, target: row.target }))).toEqual([
      { actor: adminId, target: `staff:${secondAdmin.id}` },
      { actor: manager.id, target: `staff:${clerk.id}` },
      { actor: adminId, target: `staff:${manager.id}` },
    ]);
    expect(JSON.stringify(audit)).not.toContain('scrypt');
  });
});
