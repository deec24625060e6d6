import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCounters } from '../../../db/counters.ts';
import type { HallEvent } from '../events.ts';
import { openTestHall, setUpAdmin, type TestHall, unwrap } from '../testing.ts';

let hall: TestHall;
let managerToken: string;
const pushed: HallEvent[] = [];

beforeAll(async () => {
  hall = openTestHall();
  managerToken = (await setUpAdmin(hall)).token;
  hall.core.events.subscribe((event) => pushed.push(event));
});

afterAll(() => hall.close());

const counterId = (number: number) => listCounters(hall.db).find((c) => c.number === number)?.id ?? 0;
const changes = () => pushed.filter((e) => e.type === 'devices/changed');

describe('devices/changed: the 设备 list, the counters and the rating screen hear of a device change without polling', () => {
  it('is pushed on pairing, binding to another window and unpairing, to managers, clerks and rating screens', async () => {
    const { code } = unwrap(await hall.core.send('devices/issuePairingCode', { role: 'rate', name: 'Screen', counterId: counterId(1) }, managerToken));
    // Issuing a code changes no device: nothing yet.
    expect(changes()).toHaveLength(0);
    const { device } = unwrap(await hall.core.send('devices/pair', { code }));
    expect(changes()).toHaveLength(1);
    expect(changes()[0]).toMatchObject({ payload: { deviceId: device.id, reason: 'paired', counterIds: [counterId(1)] } });

    unwrap(await hall.core.send('devices/setCounter', { id: device.id, counterId: counterId(2) }, managerToken));
    // Both windows: the one the screen left and the one it joined.
    expect(changes()[1]).toMatchObject({ payload: { deviceId: device.id, reason: 'counterSet', counterIds: [counterId(1), counterId(2)] } });

    unwrap(await hall.core.send('devices/revoke', { id: device.id }, managerToken));
    expect(changes()[2]).toMatchObject({ payload: { deviceId: device.id, reason: 'revoked', counterIds: [counterId(2)] } });

    for (const event of changes()) expect([...event.audience].sort()).toEqual(['admin', 'clerk', 'manager', 'rate']);
  });

  it('is not pushed when nothing changed: a wrong code, a refused binding', async () => {
    const before = changes().length;
    expect((await hall.core.send('devices/pair', { code: '000000' })).ok).toBe(false);
    const { code } = unwrap(await hall.core.send('devices/issuePairingCode', { role: 'kiosk', name: 'Door', counterId: null }, managerToken));
    const kiosk = unwrap(await hall.core.send('devices/pair', { code })).device;
    expect(changes()).toHaveLength(before + 1);
    expect((await hall.core.send('devices/setCounter', { id: kiosk.id, counterId: counterId(1) }, managerToken)).ok).toBe(false);
    expect(changes()).toHaveLength(before + 1);
  });
});
