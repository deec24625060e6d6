import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/connection.ts';
import {
  ensureTask,
  type FollowUpRuleRow,
  type FollowUpTaskRow,
  linkTaskRule,
  listRules,
  listTasks,
  type PopulationRow,
  workOrdersAccepted,
} from '../../../db/followups.ts';
import { getSetting, setSetting } from '../../../db/settings.ts';
import { catalogueVersion } from '../catalogue/catalogue-store.ts';
import { firstDayOf, lastDayOf } from './period.ts';
import { type Candidate, ruleMatches, sampleMonth, sampleSize } from './sampling.ts';

export type MonthCandidate = PopulationRow & Candidate;

/** The month's work orders with the kinds of their businesses, read from the catalogue version each application was made under. */
export function monthCandidates(db: Db, period: string): MonthCandidate[] {
  const kinds = new Map<number, Map<string, string>>();
  const kindOf = (version: number, code: string): string | undefined => {
    let byCode = kinds.get(version);
    if (!byCode) {
      byCode = new Map(catalogueVersion(db, version).catalogue.businesses.map((b) => [b.code, b.kind]));
      kinds.set(version, byCode);
    }
    return byCode.get(code);
  };
  return workOrdersAccepted(db, firstDayOf(period), lastDayOf(period)).map((row) => ({
    ...row,
    businessKinds: row.businessCodes.map((code) => kindOf(row.catalogueVersion, code)).filter((k): k is string => k !== undefined),
  }));
}

const SEED_KEY = 'followups.seed';

/** The hall's sampling seed, drawn once and kept, so every later run samples alike. */
export function samplingSeed(db: Db): string {
  const saved = getSetting(db, SEED_KEY);
  if (saved) return saved;
  const seed = randomBytes(16).toString('hex');
  setSetting(db, SEED_KEY, seed);
  return seed;
}

/**
 * Creates the month's tasks from its applications under the active rules; call inside a
 * transaction. Running it again adds only what is missing (work orders accepted since, a rule
 * added or raised); a task once made is never taken away.
 */
export function generateTasks(db: Db, period: string, at: string): { created: number; total: number } {
  const rules = listRules(db).filter((r) => r.active);
  const picked = sampleMonth(rules, monthCandidates(db, period), samplingSeed(db), period);
  let created = 0;
  for (const { candidate, ruleIds } of picked.values()) {
    const task = ensureTask(db, { ...candidate, period, generatedAt: at });
    if (task.created) created += 1;
    for (const ruleId of ruleIds) linkTaskRule(db, task.id, ruleId);
  }
  return { created, total: listTasks(db, period).length };
}

export type RuleCoverage = {
  ruleId: number;
  active: boolean;
  /** Work orders of the month the rule covers. */
  population: number;
  /** ⌈population · percent / 100⌉. */
  required: number;
  tasked: number;
  done: number;
  unreachable: number;
  /** Done over population, 0..1; null for an empty population. */
  coverage: number | null;
  met: boolean;
};

/**
 * Each rule against the month's tasks. A task counts for every rule its work order matches,
 * not only the rule that picked it: a non-residential new gas connection visited once covers
 * both the gas rule and the non-residential rule.
 */
export function ruleCoverage(rules: readonly FollowUpRuleRow[], candidates: readonly MonthCandidate[], tasks: readonly FollowUpTaskRow[]): RuleCoverage[] {
  const taskByOrder = new Map(tasks.map((t) => [t.workOrderId, t]));
  return rules.map((rule) => {
    const matching = candidates.filter((c) => ruleMatches(rule, c));
    const mine = matching.map((c) => taskByOrder.get(c.workOrderId)).filter((t): t is FollowUpTaskRow => t !== undefined);
    const done = mine.filter((t) => t.state === 'done').length;
    const required = sampleSize(matching.length, rule.percent);
    return {
      ruleId: rule.id,
      active: rule.active,
      population: matching.length,
      required,
      tasked: mine.length,
      done,
      unreachable: mine.filter((t) => t.state === 'unreachable').length,
      coverage: matching.length === 0 ? null : done / matching.length,
      met: done >= required,
    };
  });
}
