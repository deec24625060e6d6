import { describe, expect, it } from 'vitest';
import { type Candidate, ruleMatches, sampleForRule, sampleMonth, sampleSize } from './sampling.ts';

const gasNew = { id: 1, utility: 'gas', customerKind: null, businessKind: 'newConnection', percent: 100 };
const residential = { id: 2, utility: null, customerKind: 'person' as const, businessKind: null, percent: 10 };
const nonResidential = { id: 3, utility: null, customerKind: 'enterprise' as const, businessKind: null, percent: 100 };

const person = (workOrderId: number, utility = 'water', kinds: string[] = ['transfer']): Candidate => ({
  workOrderId,
  utility,
  customerKind: 'person',
  businessKinds: kinds,
});

describe('sampleSize', () => {
  it('takes at least the share asked, rounding up', () => {
    expect(sampleSize(25, 10)).toBe(3);
    expect(sampleSize(20, 10)).toBe(2);
    expect(sampleSize(1, 10)).toBe(1);
    expect(sampleSize(0, 10)).toBe(0);
    expect(sampleSize(7, 100)).toBe(7);
    // 10% of 30 is exactly 3, though 30 * 10 / 100 is 3.0000000000000004 in floating point.
    expect(sampleSize(30, 10)).toBe(3);
  });
});

describe('ruleMatches', () => {
  it('matches on utility, customer kind and business kind, NULL meaning any', () => {
    expect(ruleMatches(gasNew, person(1, 'gas', ['newConnection']))).toBe(true);
    expect(ruleMatches(gasNew, person(1, 'gas', ['transfer']))).toBe(false);
    expect(ruleMatches(gasNew, person(1, 'water', ['newConnection']))).toBe(false);
    expect(ruleMatches(residential, person(1))).toBe(true);
    expect(ruleMatches(nonResidential, person(1))).toBe(false);
  });
});

describe('sampleForRule', () => {
  const population = Array.from({ length: 95 }, (_, i) => person(i + 1));

  it('is the same sample for the same seed and month, whatever the order of the records', () => {
    const first = sampleForRule(residential, population, 'seed-a', '2026-09').map((c) => c.workOrderId);
    const again = sampleForRule(residential, [...population].reverse(), 'seed-a', '2026-09').map((c) => c.workOrderId);
    expect(first).toHaveLength(10);
    expect(again).toEqual(first);
  });

  it('differs with another seed or month, so no customer is always or never called', () => {
    const ids = (seed: string, period: string) =>
      sampleForRule(residential, population, seed, period)
        .map((c) => c.workOrderId)
        .sort((a, b) => a - b);
    expect(ids('seed-b', '2026-09')).not.toEqual(ids('seed-a', '2026-09'));
    expect(ids('seed-a', '2026-10')).not.toEqual(ids('seed-a', '2026-09'));
  });

  it('takes every match at 100%, and only matches', () => {
    const mixed = [...population, { workOrderId: 500, utility: 'gas', customerKind: 'enterprise' as const, businessKinds: ['repair'] }];
    expect(sampleForRule(nonResidential, mixed, 's', '2026-09').map((c) => c.workOrderId)).toEqual([500]);
  });
});

describe('sampleMonth', () => {
  it('gives a work order picked by several rules one entry with all of them', () => {
    const candidates: Candidate[] = [
      { workOrderId: 1, utility: 'gas', customerKind: 'enterprise', businessKinds: ['newConnection'] },
      person(2, 'gas', ['newConnection']),
      person(3),
    ];
    const picked = sampleMonth([gasNew, residential, nonResidential], candidates, 's', '2026-09');
    expect(picked.get(1)?.ruleIds).toEqual([1, 3]);
    // Work order 2 is picked by the gas rule; whether the 10% rule also drew it depends on the seed.
    expect(picked.get(2)?.ruleIds[0]).toBe(1);
    expect([...picked.keys()].filter((id) => id !== 1 && id !== 2).length).toBeLessThanOrEqual(1);
  });
});
