import { createHash } from 'node:crypto';
import type { Names } from '../catalogue/catalogue.ts';
import type { ResolvedBusiness } from '../catalogue/catalogue-snapshot.ts';
import { canonicalJson } from './canonical-json.ts';
import { type FeeChoices, type FeeList, feeLines } from './fee-lines.ts';

/**
 * What the customer reads on the customer-facing screen and signs: the businesses applied for
 * and the itemised fee list with the optional items marked. The signature is bound to a hash of
 * exactly this, so a submission whose businesses, choices or prices differ from what was signed
 * (an option changed after signing, a price republished meanwhile) no longer matches.
 */
export type SignedBusiness = { code: string; utility: string; utilityNames: Names; names: Names };
export type SignedFeeList = { businesses: SignedBusiness[]; fees: FeeList };

export function signedFeeList(businesses: readonly ResolvedBusiness[], choices: FeeChoices): SignedFeeList {
  return {
    businesses: businesses.map((b) => ({ code: b.code, utility: b.utility, utilityNames: b.utilityNames, names: b.names })),
    fees: feeLines(businesses, choices),
  };
}

/** sha256 of the list's canonical JSON, hex. */
export const feeListHash = (list: SignedFeeList): string => createHash('sha256').update(canonicalJson(list)).digest('hex');
