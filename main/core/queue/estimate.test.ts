import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes } from './estimate.ts';

describe('estimateWaitMinutes', () => {
  it('is zero when nobody is ahead', () => {
    expect(estimateWaitMinutes({ ahead: 0, averageServiceMinutes: 12, countersServing: 2 })).toBe(0);
  });

  it('multiplies the people ahead by the recent pace, shared among the open counters', () => {
    expect(estimateWaitMinutes({ ahead: 6, averageServiceMinutes: 10, countersServing: 1 })).toBe(60);
    expect(estimateWaitMinutes({ ahead: 6, averageServiceMinutes: 10, countersServing: 3 })).toBe(20);
  });

  it('rounds to whole minutes', () => {
    expect(estimateWaitMinutes({ ahead: 1, averageServiceMinutes: 7, countersServing: 2 })).toBe(4);
    expect(estimateWaitMinutes({ ahead: 1, averageServiceMinutes: 4.4, countersServing: 1 })).toBe(4);
  });

  it('assumes 8 minutes a customer before anyone has been served, or the given fallback', () => {
    expect(estimateWaitMinutes({ ahead: 3, averageServiceMinutes: null, countersServing: 1 })).toBe(24);
    expect(estimateWaitMinutes({ ahead: 3, averageServiceMinutes: null, countersServing: 1, fallbackMinutes: 5 })).toBe(15);
  });

  it('with no counter open still estimates as if one were, rather than dividing by zero', () => {
    expect(estimateWaitMinutes({ ahead: 2, averageServiceMinutes: 10, countersServing: 0 })).toBe(20);
  });
});
