import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { listCounters } from '../../../db/counters.ts';
import { openTestHall, setUpAdmin, type TestHall, unwrap } from '../testing.ts';

let hall: TestHall;
let managerToken: string;

beforeAll(async () => {
  hall = openTestHall();
  managerToken = (await setUpAdmin(hall)).token;
});

afterAll(() => hall.close());

const counterId = (number: number) => listCounters(hall.db).find((c) => c.number === number)?.id ?? 0;

async function paired(role: 'kiosk' | 'display' | 'rate', name: string, counter: number | null = null) {
  const { code } = unwrap(await hall.core.send('devices/issuePairingCode', { role, name, counterId: counter }, managerToken));
  return unwrap(await hall.core.send('devices/pair', { code }));
}

describe('binding a screen to its counter (所属窗口)', () => {
  it('binds a rating screen paired without a counter, moves it, and its next request is the new counter’s', async () => {
    const { token, device } = await paired('rate', 'Screen at 2');
    // Unbound, it can collect nothing (ratings/current needs the screen's counter).
    expect(await hall.core.send('ratings/current', {}, token)).toMatchObject({ ok: false, error: { messageKey: 'errors.ratings.screenWithoutCounter' } });

    const bound = unwrap(await hall.core.send('devices/setCounter', { id: device.id, counterId: counterId(2) }, managerToken));
    expect(bound).toMatchObject({ id: device.id, role: 'rate', counterId: counterId(2) });
    // The same session, no re-pairing: the device row is read on every request.
    expect(hall.core.resolve(token)).toMatchObject({ kind: 'device', counterId: counterId(2) });
    expect(await hall.core.send('ratings/current', {}, token)).toMatchObject({ ok: true });

    unwrap(await hall.core.send('devices/setCounter', { id: device.id, counterId: counterId(3) }, managerToken));
    expect(hall.core.resolve(token)).toMatchObject({ counterId: counterId(3) });
    unwrap(await hall.core.send('devices/setCounter', { id: device.id, counterId: null }, managerToken));
    expect(hall.core.resolve(token)).toMatchObject({ counterId: null });

    const audit = listAudit(hall.db, { action: 'devices.setCounter', limit: 10 });
    expect(audit).toHaveLength(3);
    expect(audit[2]).toMatchObject({ target: `device:${device.id}` });
  });

  it('refuses a kiosk, a revoked device, an unknown counter, and a clerk', async () => {
    const kiosk = await paired('kiosk', 'Door kiosk');
    expect(await hall.core.send('devices/setCounter', { id: kiosk.device.id, counterId: counterId(1) }, managerToken)).toEqual({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.kioskHasNoCounter' },
    });

    const board = await paired('display', 'Board');
    expect(await hall.core.send('devices/setCounter', { id: board.device.id, counterId: 9999 }, managerToken)).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: [{ path: 'counterId', key: 'field.counterUnknown' }] } },
    });
    unwrap(await hall.core.send('devices/revoke', { id: board.device.id }, managerToken));
    expect(await hall.core.send('devices/setCounter', { id: board.device.id, counterId: counterId(1) }, managerToken)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    unwrap(await hall.core.send('staff/create', { workNo: 'C100', name: 'Clerk', password: 'Clerk1234-north', roles: ['clerk'] }, managerToken));
    const clerk = unwrap(await hall.core.send('auth/login', { workNo: 'C100', password: 'Clerk1234-north' })).token;
    const rate = await paired('rate', 'Screen at 1', counterId(1));
    expect(await hall.core.send('devices/setCounter', { id: rate.device.id, counterId: null }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('issues a pairing code only for a counter that exists', async () => {
    expect(await hall.core.send('devices/issuePairingCode', { role: 'rate', name: 'Nowhere', counterId: 9999 }, managerToken)).toMatchObject({
      ok: false,
      error: { details: { fields: [{ path: 'counterId', key: 'field.counterUnknown' }] } },
    });
  });
});
