import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import type { HallEvent } from '../events.ts';
import { openTestHall, setUpAdmin, type TestHall, unwrap } from '../testing.ts';

let hall: TestHall;
let admin: string;

beforeEach(async () => {
  hall = openTestHall();
  admin = (await setUpAdmin(hall)).token;
});
afterEach(() => hall.close());

describe("the kiosk's idle reset", () => {
  it('is 45 seconds until a manager sets it, then what was set, pushed to the screens and audited', async () => {
    expect(unwrap(await hall.core.send('queue/overview', {}, admin)).kiosk).toEqual({ idleSeconds: 45 });
    const pushed: HallEvent[] = [];
    hall.core.events.subscribe((event) => pushed.push(event));

    expect(unwrap(await hall.core.send('queue/setKioskSettings', { idleSeconds: 20 }, admin))).toEqual({ idleSeconds: 20 });

    expect(unwrap(await hall.core.send('queue/overview', {}, admin)).kiosk).toEqual({ idleSeconds: 20 });
    const change = pushed.find((e): e is HallEvent<'queue/changed'> => e.type === 'queue/changed');
    expect(change?.payload.overview.kiosk).toEqual({ idleSeconds: 20 });
    const [entry] = listAudit(hall.db, { action: 'queue.setKioskSettings', limit: 5 });
    expect(entry).toMatchObject({ action: 'queue.setKioskSettings' });
  });

  it('refuses a time too short to read the screen or too long to protect the last customer, field by field', async () => {
    for (const idleSeconds of [5, 601]) {
      const result = await hall.core.send('queue/setKioskSettings', { idleSeconds }, admin);
      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(unwrap(await hall.core.send('queue/overview', {}, admin)).kiosk).toEqual({ idleSeconds: 45 });
  });

  it('is set by managers only: a kiosk may read it but not change it', async () => {
    const { code } = unwrap(await hall.core.send('devices/issuePairingCode', { role: 'kiosk', name: '1号取号机' }, admin));
    const { token } = unwrap(await hall.core.send('devices/pair', { code }));
    expect(unwrap(await hall.core.send('queue/overview', {}, token)).kiosk.idleSeconds).toBe(45);
    expect(await hall.core.send('queue/setKioskSettings', { idleSeconds: 30 }, token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
