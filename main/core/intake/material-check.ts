import { z } from 'zod';
import { type Day, isDay } from '../../../common/calendar-day.ts';
import type { Names } from '../catalogue/catalogue.ts';
import type { UnionMaterial } from './material-union.ts';
import { daySchema } from '../calendar/working-calendar.ts';

/**
 * Whether an intake form may be submitted, material by material. The clerk marks each one
 * received, deferred (容缺, with the date the customer promises to bring it) or not applicable.
 * Each problem blocks submission and carries the message key that tells the clerk what to do.
 */

export const materialStates = ['received', 'deferred', 'na'] as const;

export const materialDecisionSchema = z.object({
  state: z.enum(materialStates),
  promisedDate: daySchema.optional(),
});
export type MaterialDecision = z.output<typeof materialDecisionSchema>;

export const materialProblemKinds = ['missing', 'notDeferrable', 'promisedDateMissing', 'promisedDatePast', 'notApplicableNotAllowed'] as const;
export type MaterialProblemKind = (typeof materialProblemKinds)[number];

export type MaterialProblem = {
  material: string;
  names: Names;
  problem: MaterialProblemKind;
  messageKey: string;
  /** The businesses behind the problem: for notDeferrable, those that forbid deferring. */
  businesses: string[];
};

const messageKeys = {
  missing: 'errors.intake.materialMissing',
  notDeferrable: 'errors.intake.materialNotDeferrable',
  promisedDateMissing: 'errors.intake.promisedDateMissing',
  promisedDatePast: 'errors.intake.promisedDatePast',
  notApplicableNotAllowed: 'errors.intake.materialAlwaysRequired',
} as const satisfies Record<MaterialProblemKind, string>;

/** `today` is the hall's day: a promise to bring a document yesterday is no promise. */
export function checkMaterials(
  union: readonly UnionMaterial[],
  decisions: Readonly<Record<string, MaterialDecision | undefined>>,
  today: Day,
): MaterialProblem[] {
  const problems: MaterialProblem[] = [];
  for (const material of union) {
    const problem = (kind: MaterialProblemKind, businesses = material.requiredBy) =>
      problems.push({ material: material.code, names: material.names, problem: kind, messageKey: messageKeys[kind], businesses });
    const decision = decisions[material.code];
    if (!decision) problem('missing');
    else if (decision.state === 'na') {
      if (!material.condition) problem('notApplicableNotAllowed');
    } else if (decision.state === 'deferred') {
      if (!material.deferrable) problem('notDeferrable', material.notDeferrableFor);
      else if (!decision.promisedDate || !isDay(decision.promisedDate)) problem('promisedDateMissing');
      else if (decision.promisedDate < today) problem('promisedDatePast');
    }
  }
  return problems;
}
