import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * The administrator's unlock PIN of a locked-down PC (kiosk, calling board). settings.json keeps
 * only its scrypt hash, `scrypt$N$r$p$salt$hash` (base64), so a settings file copied off a
 * kiosk does not give the PIN away; a PIN is short, hence the slow hash and the attempt limit.
 */
const cost = { N: 16384, r: 8, p: 1 } as const;
const keyLength = 32;

/** 4 to 12 digits: typed on a kiosk's touch screen or keyboard. */
export const pinPattern = /^\d{4,12}$/;

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): string {
  if (!pinPattern.test(pin)) throw new RangeError('an unlock PIN is 4 to 12 digits');
  const hash = scryptSync(pin, salt, keyLength, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export const pinHashPattern = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;

/** Whether `pin` is the one `stored` was made from; a malformed hash matches nothing. */
export function pinMatches(pin: string, stored: string): boolean {
  if (!pinHashPattern.test(stored)) return false;
  const [, n, r, p, salt, hash] = stored.split('$');
  const expected = Buffer.from(hash ?? '', 'base64');
  const N = Number(n);
  // Bounds keep a tampered file from asking for gigabytes of memory.
  if (expected.length !== keyLength || !(N >= 1024 && N <= 1 << 20) || Number(r) > 32 || Number(p) > 16) return false;
  const actual = scryptSync(pin, Buffer.from(salt ?? '', 'base64'), keyLength, { N, r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 });
  return timingSafeEqual(actual, expected);
}

/** Five wrong PINs, then a five-minute wait: enough for a fumbling administrator, too few to guess. */
export const pinLimit = { failures: 5, lockMs: 5 * 60_000 } as const;

export type PinAttempts = { failures: number; lockedUntil: number | undefined };

export const noAttempts: PinAttempts = { failures: 0, lockedUntil: undefined };

export type PinVerdict = { kind: 'ok' } | { kind: 'wrong'; left: number } | { kind: 'locked'; untilMs: number } | { kind: 'noPin' };

/**
 * One try at the PIN at `nowMs`: refused unchecked while locked; a wrong one counts, the fifth
 * locks; the right one clears the count. Returns the verdict and the attempts to keep.
 */
export function tryPin(attempts: PinAttempts, pin: string, stored: string | undefined, nowMs: number): { verdict: PinVerdict; attempts: PinAttempts } {
  if (!stored) return { verdict: { kind: 'noPin' }, attempts };
  if (attempts.lockedUntil !== undefined && nowMs < attempts.lockedUntil) return { verdict: { kind: 'locked', untilMs: attempts.lockedUntil }, attempts };
  const counted = attempts.lockedUntil !== undefined ? noAttempts : attempts;
  if (pinMatches(pin, stored)) return { verdict: { kind: 'ok' }, attempts: noAttempts };
  const failures = counted.failures + 1;
  if (failures >= pinLimit.failures) {
    const untilMs = nowMs + pinLimit.lockMs;
    return { verdict: { kind: 'locked', untilMs }, attempts: { failures, lockedUntil: untilMs } };
  }
  return { verdict: { kind: 'wrong', left: pinLimit.failures - failures }, attempts: { failures, lockedUntil: undefined } };
}
