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

const devicesNamed = async (name: string) => unwrap(await hall.core.send('devices/list', {}, managerToken)).filter((d) => d.name === name);

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
    expect(await hall.core.send('devices/issuePairingCode', { role: 'kiosk', name: 'Rogue' }, token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(unwrap(await hall.core.send('hall/status', {}, token)).hallName).toBe('North Hall');
  });
});

describe('guessing pairing codes', () => {
  it('stops the address that guesses, and that code, but not the kiosk being paired at the same time from another PC', async () => {
    const guessHall = openTestHall();
    try {
      const token = (await setUpAdmin(guessHall)).token;
      const { code } = unwrap(await guessHall.core.send('devices/issuePairingCode', { role: 'kiosk', name: 'Kiosk' }, token));
      const attacker = { source: '192.168.1.66', local: false };
      const kioskPc = { source: '192.168.1.31', local: false };
      for (let i = 0; i < 10; i += 1) {
        const guess = String(100000 + i) === code ? '999999' : String(100000 + i);
        expect(await guessHall.core.call('devices/pair', { code: guess }, undefined, attacker)).toMatchObject({
          ok: false,
          error: { code: 'unauthenticated' },
        });
      }
      // The guesser is stopped, even with the right code…
      expect(await guessHall.core.call('devices/pair', { code }, undefined, attacker)).toMatchObject({
        ok: false,
        error: { code: 'locked', messageKey: 'errors.pairingThrottled' },
      });
      // …the kiosk on its own PC pairs as if nothing happened (the old hall-wide pause stopped it too).
      expect(await guessHall.core.call('devices/pair', { code }, undefined, kioskPc)).toMatchObject({ ok: true, value: { device: { role: 'kiosk' } } });

      // One code guessed five times from five addresses is stopped for everyone.
      const spread = (n: number) => ({ source: `192.168.2.${n}`, local: false });
      for (let n = 1; n <= 5; n += 1) await guessHall.core.call('devices/pair', { code: '123456' }, undefined, spread(n));
      expect(await guessHall.core.call('devices/pair', { code: '123456' }, undefined, spread(9))).toMatchObject({ ok: false, error: { code: 'locked' } });

      // The limits are in the database, so a restart does not lift them; they end with their window.
      expect(guessHall.db.prepare(`SELECT count(*) AS n FROM attempt_limits WHERE scope LIKE 'pairing.%' AND blocked_until IS NOT NULL`).get()).toEqual({
        n: 2,
      });
      guessHall.advanceMinutes(11);
      const fresh = unwrap(await guessHall.core.send('devices/issuePairingCode', { role: 'kiosk', name: 'Kiosk 2' }, token));
      expect(await guessHall.core.call('devices/pair', { code: fresh.code }, undefined, attacker)).toMatchObject({ ok: true });
    } finally {
      guessHall.close();
    }
  });
});
