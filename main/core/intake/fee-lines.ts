import type { Names } from '../catalogue/catalogue.ts';
import type { ResolvedBusiness } from '../catalogue/catalogue-snapshot.ts';

/**
 * The itemised fee list (收费明细) the customer reads and signs before any paid service:
 * every item with its price, unit, quantity and legal basis, grouped by utility (each utility
 * collects its own fees), with optional items shown as such so the customer knows they may
 * decline them (明白消费). Amounts are integer fen throughout.
 */

export type FeeChoices = {
  /** Quantity per line, keyed "businessCode.feeCode": metres of pipe, remaining years of a card meter. */
  quantities?: Readonly<Record<string, number>>;
  /** Optional items the customer asked for, keyed the same way; the others are listed but not charged. */
  optionalChosen?: readonly string[];
};

export type FeeLine = {
  key: string;
  business: string;
  businessNames: Names;
  fee: string;
  names: Names;
  unit: Names;
  priceFen: number;
  quantity: number;
  amountFen: number;
  mandatory: boolean;
  /** Charged: mandatory, or optional and chosen. */
  included: boolean;
  legalBasis: string;
  note?: Names;
};

export type UtilityFees = {
  utility: string;
  utilityNames: Names;
  lines: FeeLine[];
  totalFen: number;
  /** What a business's deductions would have taken below zero: the hall never pays out. */
  deductionCappedFen: number;
};

export type FeeList = {
  utilities: UtilityFees[];
  totalFen: number;
  /** True when the customer must be told that some items are optional. */
  hasOptional: boolean;
};

export const feeKey = (business: string, fee: string): string => `${business}.${fee}`;

/**
 * A deduction defaults to quantity 0, so the clerk enters it (the card meter's remaining years)
 * rather than the customer being credited by default; any other item defaults to 1.
 */
const defaultQuantity = (priceFen: number): number => (priceFen < 0 ? 0 : 1);

export function feeLines(businesses: readonly ResolvedBusiness[], choices: FeeChoices = {}): FeeList {
  const chosen = new Set(choices.optionalChosen ?? []);
  const utilities = new Map<string, UtilityFees>();
  for (const business of businesses) {
    let group = utilities.get(business.utility);
    if (!group) {
      group = { utility: business.utility, utilityNames: business.utilityNames, lines: [], totalFen: 0, deductionCappedFen: 0 };
      utilities.set(business.utility, group);
    }
    let businessFen = 0;
    for (const fee of business.fees) {
      const key = feeKey(business.code, fee.code);
      const requested = choices.quantities?.[key];
      const quantity = requested !== undefined && Number.isFinite(requested) && requested >= 0 ? requested : defaultQuantity(fee.priceFen);
      const amountFen = Math.round(fee.priceFen * quantity);
      const included = fee.mandatory || chosen.has(key);
      const line: FeeLine = {
        key,
        business: business.code,
        businessNames: business.names,
        fee: fee.code,
        names: fee.names,
        unit: fee.unit,
        priceFen: fee.priceFen,
        quantity,
        amountFen,
        mandatory: fee.mandatory,
        included,
        legalBasis: fee.legalBasis,
      };
      if (fee.note) line.note = fee.note;
      group.lines.push(line);
      if (included) businessFen += amountFen;
    }
    if (businessFen < 0) group.deductionCappedFen += -businessFen;
    group.totalFen += Math.max(0, businessFen);
  }
  const list = [...utilities.values()];
  return {
    utilities: list,
    totalFen: list.reduce((sum, u) => sum + u.totalFen, 0),
    hasOptional: list.some((u) => u.lines.some((l) => !l.mandatory)),
  };
}
