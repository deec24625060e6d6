import { describe, expect, it } from 'vitest';
import { durationStats, nearestRank } from './durations.ts';

describe('durations', () => {
  it('takes the nearest-rank 90th percentile: the value at ceil(0.9·n) of the sorted times', () => {
    expect(nearestRank(Float64Array.from([5, 1, 4, 2, 3, 10, 9, 8, 7, 6]), 0.9)).toBe(9);
    expect(nearestRank(Float64Array.from([3, 1, 2]), 0.9)).toBe(3);
    expect(nearestRank(Float64Array.from([7]), 0.9)).toBe(7);
    expect(nearestRank(new Float64Array(0), 0.9)).toBeNull();
  });

  it('agrees with a full sort on random data with many repeats', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const n of [1, 2, 10, 11, 99, 1000, 4097]) {
      const values = Array.from({ length: n }, () => Math.floor(rand() * 50));
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [0.5, 0.9, 1]) expect(nearestRank(Float64Array.from(values), p)).toBe(sorted[Math.ceil(p * n) - 1]);
    }
  });

  it('gives count, average and p90 in seconds from milliseconds', () => {
    expect(durationStats([60_000, 120_000, 180_000])).toEqual({ count: 3, avgSec: 120, p90Sec: 180 });
    expect(durationStats([])).toEqual({ count: 0, avgSec: null, p90Sec: null });
  });
});
