import type { Decision } from './form-state.ts';

type ConditionalMaterial = { code: string; condition?: unknown };

/**
 * Materials required only in a case the form already knows is not this one. The catalogue's
 * conditions are text for people (单位用户办理时, 委托他人办理时), so the form knows them by the
 * material codes of the hall's catalogue: for a person applying in person (the form has no agent
 * for a person) the business licence and the power of attorney cannot apply. For an organisation
 * the licence always applies.
 */
const notForAPerson: ReadonlySet<string> = new Set(['businessLicence', 'powerOfAttorney']);
const alwaysForAnOrganisation: ReadonlySet<string> = new Set(['businessLicence']);

/**
 * The decisions with 不适用 pre-set where the condition is known to be false, and a 不适用 that
 * cannot be right dropped; undefined when nothing changes. The clerk's own choices otherwise stand.
 */
export function withKnownConditions(
  kind: 'person' | 'enterprise',
  materials: readonly ConditionalMaterial[],
  decisions: Readonly<Record<string, Decision>>,
): Record<string, Decision> | undefined {
  const next = { ...decisions };
  let changed = false;
  for (const m of materials) {
    if (m.condition === undefined) continue; // required outright: 不适用 is not allowed
    if (kind === 'person' && notForAPerson.has(m.code) && !next[m.code]) {
      next[m.code] = { state: 'na' };
      changed = true;
    } else if (kind === 'enterprise' && alwaysForAnOrganisation.has(m.code) && next[m.code]?.state === 'na') {
      delete next[m.code];
      changed = true;
    }
  }
  return changed ? next : undefined;
}
