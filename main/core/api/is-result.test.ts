import { describe, expect, it } from 'vitest';
import { isResult } from './is-result.ts';

describe('isResult', () => {
  it('takes a success or a failure with its error, and nothing else', () => {
    expect(isResult({ ok: true, value: 1 })).toBe(true);
    expect(isResult({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } })).toBe(true);
    expect(isResult({ ok: true })).toBe(false);
    expect(isResult({ ok: false, error: 'boom' })).toBe(false);
    expect(isResult('<html>')).toBe(false);
    expect(isResult(null)).toBe(false);
  });
});
