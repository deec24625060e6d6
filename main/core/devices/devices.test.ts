import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, setUpAdmin, type TestHall, unwrap } from '../testing.ts';

let hall: TestHall;
let managerToken: string;

// One hall for the file: password hashing is deliberately slow, so the administrator is
// set up once. Each test pairs its own, differently named devices.
beforeAll(async () => {
  hall = openTestHall();
  // The first administrator also holds the manager role; managers pair screens.
  managerToken = (await setUpAdmin(hall)).token;
});

afterAll(() => hall.close());

const devicesNamed = async (name: string) =>
  unwrap(await hall.core.send('devices/list', {}, managerToken)).filter((d) => d.name === name);

const issue = async (role: 'kiosk' | 'display' | 'rate', name: string) =>
  unwrap(await hall.core.send('devices/issuePairingCode', { role, name }, managerToken));

const pair = (code: string) => hall.core.send('devices/pair', { code });

const invalidCode = {
  ok: false,
  error: { code: 'unauthenticated', messageKey: 'errors.pairingCodeInvalid', details: { fields: [{ path: 'code', key: 'field.pairingCodeInvalid' }] } },
};

describe('device pairing', () => {
  it('pairs a screen with a one-time code and signs it in with its role', async () => {
    const { code, expiresAt } = await issue('display', 'Hall display');
    expect(code).toMatch(/^\d{6}$/);
    expect(expiresAt).toBe(new Date(hall.now().getTime() + 10 * 60_000).toISOString());

    const paired = unwrap(await pair(code));
    expect(paired.device).toMatchObject({ name: 'Hall display', role: 'display', counterId: null, revokedAt: null });
    expect(hall.core.resolve(paired.token)).toMatchObject({ kind: 'device', deviceId: paired.device.id, role: 'display', name: 'Hall display' });
    expect(unwrap(await hall.core.send('auth/me', {}, paired.token))).toEqual({
      kind: 'device',
      device: { id: paired.device.id, name: 'Hall display', role: 'display', counterId: null },
    });
    expect(await devicesNamed('Hall display')).toEqual([paired.device]);
  });

  it('accepts a code only once', async () => {
    const { code } = await issue('kiosk', 'Once kiosk');
    unwrap(await pair(code));
    expect(await pair(code)).toEqual(invalidCode);
    expect(await devicesNamed('Once kiosk')).toHaveLength(1);
  });

  it('refuses a code after its ten minutes are up', async () => {
    const { code } = await issue('kiosk', 'Late kiosk');
    hall.advanceMinutes(11);
    expect(await pair(code)).toEqual(invalidCode);
    expect(await devicesNamed('Late kiosk')).toEqual([]);
  });

  it('refuses a code nobody issued, and a malformed one with a field error', async () => {
    const { code } = await issue('kiosk', 'Guessed kiosk');
    const other = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await pair(other)).toEqual(invalidCode);
    expect(await pair('12ab')).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: [{ path: 'code', key: 'field.pairingCodeFormat' }] } },
    });
    // The failed tries did not use up the real code.
    unwrap(await pair(code));
  });

  it('signs a revoked device out for good', async () => {
    const { code } = await issue('display', 'Old display');
    const { token, device } = unwrap(await pair(code));
    unwrap(await hall.core.send('devices/revoke', { id: device.id }, managerToken));

    expect(hall.core.resolve(token)).toEqual({ kind: 'anonymous' });
    expect(await hall.core.send('hall/status', {}, token)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await devicesNamed('Old display')).map((d) => d.revokedAt)).toEqual([hall.now().toISOString()]);
  });

  it('lets a kiosk read the hall status but not the staff list', async () => {
    const { code } = await issue('kiosk', 'Entrance kiosk');
    const { token } = unwrap(await pair(code));
    expect(await hall.core.send('staff/list', {}, token)).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } });
    expect(await hall.core.send('devices/issuePairingCode', { role: 'kiosk', name: 'Rogue' }, token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(unwrap(await hall.core.send('hall/status', {}, token)).hallName).toBe('North Hall');
  });
});

describe('guessing pairing codes', () => {
  it('pauses pairing hall-wide after twenty wrong codes, even for a right one, until the window passes', async () => {
    const guessHall = openTestHall();
    try {
      const token = (await setUpAdmin(guessHall)).token;
      const { code } = unwrap(await guessHall.core.send('devices/issuePairingCode', { role: 'kiosk', name: 'Kiosk' }, token));
      const wrong = code === '000000' ? '000001' : '000000';
      for (let i = 0; i < 20; i += 1) {
        expect(await guessHall.core.send('devices/pair', { code: wrong })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      }
      expect(await guessHall.core.send('devices/pair', { code })).toMatchObject({ ok: false, error: { code: 'locked', messageKey: 'errors.pairingThrottled' } });
      guessHall.advanceMinutes(10);
      // Ten minutes on, the issued code has also expired: a fresh code pairs.
      const fresh = unwrap(await guessHall.core.send('devices/issuePairingCode', { role: 'kiosk', name: 'Kiosk' }, token));
      expect(unwrap(await guessHall.core.send('devices/pair', { code: fresh.code })).device.role).toBe('kiosk');
    } finally {
      guessHall.close();
    }
  });
});
