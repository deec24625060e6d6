import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { listCounters } from '../../../db/counters.ts';
import { openTestHall, setUpAdmin, type TestHall, unwrap } from '../testing.ts';

let hall: TestHall;
let adminToken: string;

beforeAll(async () => {
  hall = openTestHall();
  adminToken = (await setUpAdmin(hall)).token;
});

afterAll(() => hall.close());

const checklist = async () => unwrap(await hall.core.send('setup/checklist', {}, adminToken));
const pair = async (role: 'kiosk' | 'display' | 'rate', counterId: number | null) => {
  const { code } = unwrap(await hall.core.send('devices/issuePairingCode', { role, name: `${role} ${String(counterId)}`, counterId }, adminToken));
  return unwrap(await hall.core.send('devices/pair', { code })).device;
};

describe('the first-run checklist', () => {
  it('starts empty, and ticks off from the hall’s own data as staff and devices are added', async () => {
    // The administrator alone is no one to serve at a counter.
    expect(await checklist()).toEqual({ clerks: 0, kiosks: 0, displays: 0, rateScreens: 0, rateScreensUnbound: 0, hoursConfirmedAt: null });

    unwrap(await hall.core.send('staff/create', { workNo: 'C301', name: 'Li Na', password: 'Clerk1234-north', roles: ['clerk'] }, adminToken));
    await pair('kiosk', null);
    const board = await pair('display', null);
    await pair('rate', null);
    await pair('rate', listCounters(hall.db)[0]?.id ?? null);
    expect(await checklist()).toMatchObject({ clerks: 1, kiosks: 1, displays: 1, rateScreens: 2, rateScreensUnbound: 1 });

    // A revoked board no longer counts.
    unwrap(await hall.core.send('devices/revoke', { id: board.id }, adminToken));
    expect(await checklist()).toMatchObject({ displays: 0 });
  });

  it('records who confirmed the categories and hours, and when', async () => {
    const confirmed = unwrap(await hall.core.send('setup/confirmHours', {}, adminToken));
    expect(confirmed.hoursConfirmedAt).toBe(hall.now().toISOString());
    expect((await checklist()).hoursConfirmedAt).toBe(hall.now().toISOString());
    expect(listAudit(hall.db, { action: 'setup.confirmHours', limit: 5 })).toHaveLength(1);
    // Not for a clerk.
    const clerk = unwrap(await hall.core.send('auth/login', { workNo: 'C301', password: 'Clerk1234-north' })).token;
    expect(await hall.core.send('setup/checklist', {}, clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
