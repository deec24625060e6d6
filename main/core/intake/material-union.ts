import type { Names } from '../catalogue/catalogue.ts';
import type { ResolvedBusiness } from '../catalogue/catalogue-snapshot.ts';

/**
 * The materials of one intake form: every material any chosen business requires, listed once.
 * A customer transferring water, power, gas and telecom together hands over one ID card, not
 * four. A material is as strict as its strictest business: deferrable only if every business
 * that requires it allows deferring, and conditional (may be marked not applicable) only if
 * every one of them requires it conditionally.
 */
export type UnionMaterial = {
  code: string;
  names: Names;
  note?: Names;
  deferrable: boolean;
  condition?: Names;
  /** Business codes that require it, in the order the businesses were chosen. */
  requiredBy: string[];
  /** Those of them that forbid deferring it, so a refusal can say which business insists. */
  notDeferrableFor: string[];
};

export function materialUnion(businesses: readonly ResolvedBusiness[]): UnionMaterial[] {
  const byCode = new Map<string, UnionMaterial & { unconditional: boolean }>();
  for (const business of businesses) {
    for (const m of business.materials) {
      let entry = byCode.get(m.code);
      if (!entry) {
        entry = { code: m.code, names: m.names, deferrable: true, requiredBy: [], notDeferrableFor: [], unconditional: false };
        if (m.note) entry.note = m.note;
        byCode.set(m.code, entry);
      }
      if (entry.requiredBy.includes(business.code)) continue;
      entry.requiredBy.push(business.code);
      if (!m.deferrable) {
        entry.deferrable = false;
        entry.notDeferrableFor.push(business.code);
      }
      if (!m.condition) entry.unconditional = true;
      else entry.condition ??= m.condition;
    }
  }
  return [...byCode.values()].map(({ unconditional, condition, ...material }) => (unconditional || !condition ? material : { ...material, condition }));
}
