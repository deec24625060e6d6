import { describe, expect, it } from 'vitest';
import { counterOfThisPc, windowOfThisPc } from './pc-window.ts';

const counters = [
  { id: 11, number: 1, status: 'open', staffId: 5 },
  { id: 12, number: 2, status: 'closed', staffId: null },
  { id: 13, number: 3, status: 'paused', staffId: 7 },
] as const;

describe('the window a counter PC was set up for', () => {
  it('reads ?window= from the address the desktop app opened', () => {
    expect(windowOfThisPc('?window=3')).toBe(3);
    expect(windowOfThisPc('')).toBeUndefined();
    expect(windowOfThisPc('?window=0')).toBeUndefined();
    expect(windowOfThisPc('?window=x')).toBeUndefined();
  });

  it('opens that window’s counter when it is closed or already the clerk’s, never another clerk’s', () => {
    expect(counterOfThisPc(counters, 2, 7)).toBe(12);
    expect(counterOfThisPc(counters, 3, 7)).toBe(13);
    expect(counterOfThisPc(counters, 1, 7)).toBeUndefined();
    expect(counterOfThisPc(counters, 9, 7)).toBeUndefined();
    expect(counterOfThisPc(counters, undefined, 7)).toBeUndefined();
  });
});
