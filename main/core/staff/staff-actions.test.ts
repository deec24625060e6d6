import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { openTestHall, setUpAdmin, type TestHall, unwrap } from '../testing.ts';

let hall: TestHall;
let adminToken: string;

beforeAll(async () => {
  hall = openTestHall({ lockout: { maxFailures: 5, lockMinutes: 15 } });
  adminToken = (await setUpAdmin(hall)).token;
});

afterAll(() => hall.close());

const login = (workNo: string, password: string) => hall.core.send('auth/login', { workNo, password });

describe('the manager desk’s row actions on staff', () => {
  it('unlocks an account locked by wrong passwords before its lock runs out, audited as an unlock', async () => {
    const clerk = unwrap(await hall.core.send('staff/create', { workNo: 'C201', name: 'Li Na', password: 'Clerk1234-north', roles: ['clerk'] }, adminToken));
    for (let i = 0; i < 5; i += 1) await login('C201', 'Wrong1234-north');
    expect(await login('C201', 'Clerk1234-north')).toMatchObject({ ok: false, error: { messageKey: 'errors.accountLocked' } });
    expect(unwrap(await hall.core.send('staff/list', {}, adminToken)).find((s) => s.id === clerk.id)?.locked).toBe(true);

    const unlocked = unwrap(await hall.core.send('staff/update', { id: clerk.id, unlock: true }, adminToken));
    expect(unlocked.locked).toBe(false);
    expect(await login('C201', 'Clerk1234-north')).toMatchObject({ ok: true });
    expect(listAudit(hall.db, { action: 'staff.unlock', limit: 5 }).map((a) => a.target)).toEqual([`staff:${clerk.id}`]);
  });

  it('a reset password replaces the old one and ends the sessions opened with it', async () => {
    const clerk = unwrap(await hall.core.send('staff/create', { workNo: 'C202', name: 'Zhou Min', password: 'Clerk1234-north', roles: ['clerk'] }, adminToken));
    const old = unwrap(await login('C202', 'Clerk1234-north')).token;
    unwrap(await hall.core.send('staff/update', { id: clerk.id, password: 'Temporary-2026' }, adminToken));
    expect(hall.core.resolve(old)).toEqual({ kind: 'anonymous' });
    expect(await login('C202', 'Clerk1234-north')).toMatchObject({ ok: false });
    expect(await login('C202', 'Temporary-2026')).toMatchObject({ ok: true });
  });
});
