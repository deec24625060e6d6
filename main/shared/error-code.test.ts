import { describe, expect, it } from 'vitest';
import { errorCode } from './error-code.ts';

describe('errorCode', () => {
  it("reads a system error's code and nothing from anything else", () => {
    expect(errorCode(Object.assign(new Error('gone'), { code: 'ENOENT' }))).toBe('ENOENT');
    expect(errorCode(new Error('plain'))).toBeUndefined();
    expect(errorCode({ code: 'ENOENT' })).toBeUndefined();
    expect(errorCode(null)).toBeUndefined();
    expect(errorCode(Object.assign(new Error('odd'), { code: 42 }))).toBeUndefined();
  });
});
