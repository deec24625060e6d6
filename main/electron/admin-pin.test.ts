import { describe, expect, it } from 'vitest';
import { hashPin, noAttempts, pinLimit, pinMatches, tryPin } from './admin-pin.ts';

describe('the administrator’s unlock PIN', () => {
  const stored = hashPin('482915');

  it('is kept as a salted scrypt hash that only the right PIN matches', () => {
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored).not.toContain('482915');
    expect(hashPin('482915')).not.toBe(stored);
    expect(pinMatches('482915', stored)).toBe(true);
    expect(pinMatches('482916', stored)).toBe(false);
    expect(pinMatches('482915', 'scrypt$16384$8$1$AAAA$BBBB')).toBe(false);
    expect(() => hashPin('12')).toThrow(RangeError);
  });

  it('allows five wrong tries, then refuses even the right PIN for five minutes', () => {
    let attempts = noAttempts;
    const at = 1_000_000;
    for (let i = 1; i < pinLimit.failures; i++) {
      const r = tryPin(attempts, '000000', stored, at + i);
      expect(r.verdict).toEqual({ kind: 'wrong', left: pinLimit.failures - i });
      attempts = r.attempts;
    }
    const fifth = tryPin(attempts, '000000', stored, at + 10);
    expect(fifth.verdict).toEqual({ kind: 'locked', untilMs: at + 10 + pinLimit.lockMs });
    attempts = fifth.attempts;
    expect(tryPin(attempts, '482915', stored, at + 10 + pinLimit.lockMs - 1).verdict.kind).toBe('locked');
    const after = tryPin(attempts, '482915', stored, at + 10 + pinLimit.lockMs);
    expect(after.verdict.kind).toBe('ok');
    expect(after.attempts).toEqual(noAttempts);
  });

  it('starts a fresh count after the wait, and has nothing to check when no PIN was set', () => {
    const locked = { failures: 5, lockedUntil: 100 };
    expect(tryPin(locked, '1111', stored, 100)).toMatchObject({ verdict: { kind: 'wrong', left: 4 }, attempts: { failures: 1 } });
    expect(tryPin(noAttempts, '1111', undefined, 0).verdict).toEqual({ kind: 'noPin' });
  });
});
