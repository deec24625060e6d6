import { createHash } from 'node:crypto';
import type { CustomerKind, FollowUpRuleRow } from '../../../db/followups.ts';

/**
 * Which work orders a month's follow-up visits (回访) go to. Each rule covers the work orders of
 * the month's applications that match it (utility, customer kind, business kind; NULL = any) and
 * asks for at least `percent` of them: 100% of new gas connections (seed 000); each month ≥ 10%
 * of residential and 100% of non-residential customers (seed 004).
 *
 * Sampling is deterministic: each candidate is ranked by a hash of the hall's sampling seed,
 * the month, the rule and the work order, and the first ⌈N·p/100⌉ are taken. The same records
 * give the same tasks on every run and every PC, so the sample can be checked afterwards, and
 * nobody can steer which customers are called (the seed is the hall's, set once).
 */

export type Candidate = { workOrderId: number; utility: string; customerKind: CustomerKind; businessKinds: readonly string[] };

export type SamplingRule = Pick<FollowUpRuleRow, 'id' | 'utility' | 'customerKind' | 'businessKind' | 'percent'>;

export const ruleMatches = (rule: SamplingRule, c: Candidate): boolean =>
  (rule.utility === null || rule.utility === c.utility) &&
  (rule.customerKind === null || rule.customerKind === c.customerKind) &&
  (rule.businessKind === null || c.businessKinds.includes(rule.businessKind));

/** At least `percent` of `n`: 10% of 25 is 3, not 2. Whole numbers throughout, so 10% of 30 is exactly 3. */
export const sampleSize = (n: number, percent: number): number => Math.min(n, Math.floor((n * percent + 99) / 100));

const rank = (seed: string, period: string, ruleId: number, workOrderId: number): string =>
  createHash('sha256').update(`${seed}|${period}|${ruleId}|${workOrderId}`).digest('hex');

/** The work orders one rule picks from its candidates, in rank order. */
export function sampleForRule<C extends Candidate>(rule: SamplingRule, candidates: readonly C[], seed: string, period: string): C[] {
  const matching = candidates.filter((c) => ruleMatches(rule, c));
  const size = sampleSize(matching.length, rule.percent);
  if (size === matching.length) return matching;
  return matching
    .map((c) => ({ c, key: rank(seed, period, rule.id, c.workOrderId) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.c.workOrderId - b.c.workOrderId))
    .slice(0, size)
    .map((x) => x.c);
}

/** Every rule's sample: work order → the rules that picked it (a work order gets one task however many pick it). */
export function sampleMonth<C extends Candidate>(
  rules: readonly SamplingRule[],
  candidates: readonly C[],
  seed: string,
  period: string,
): Map<number, { candidate: C; ruleIds: number[] }> {
  const picked = new Map<number, { candidate: C; ruleIds: number[] }>();
  for (const rule of rules) {
    for (const c of sampleForRule(rule, candidates, seed, period)) {
      const entry = picked.get(c.workOrderId) ?? { candidate: c, ruleIds: [] };
      entry.ruleIds.push(rule.id);
      picked.set(c.workOrderId, entry);
    }
  }
  return picked;
}
