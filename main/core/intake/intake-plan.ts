import type { Db } from '../../../db/connection.ts';
import type { Day } from '../../../common/calendar-day.ts';
import type { CatalogueVersion } from '../catalogue/catalogue.ts';
import type { ApplicationSnapshot } from '../catalogue/catalogue-snapshot.ts';
import { currentCatalogue } from '../catalogue/catalogue-store.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { deadlinesFor, type UtilityDue } from './deadlines.ts';
import type { FeeChoices } from './fee-lines.ts';
import { type MaterialDecision, checkMaterials } from './material-check.ts';
import { materialUnion, type UnionMaterial } from './material-union.ts';
import { type Selection, resolveSelection } from './selection.ts';
import { feeListHash, type SignedFeeList, signedFeeList } from './signed-fee-list.ts';
import type { Preview } from './views.ts';

/**
 * Everything the form derives from what the clerk picked, computed the same way for the
 * preview, the signature request and the submission: the submission recomputes it from the
 * CURRENT catalogue version and compares the hash with the one the customer signed.
 */
export type IntakePlan = {
  version: CatalogueVersion;
  snapshot: ApplicationSnapshot;
  materials: UnionMaterial[];
  signed: SignedFeeList;
  feeHash: string;
  acceptedOn: Day;
  deadlines: UtilityDue[];
};

export function planIntake(db: Db, acceptedOn: Day, selection: Selection, choices: FeeChoices): IntakePlan {
  const version = currentCatalogue(db);
  const snapshot = resolveSelection(version, selection);
  const signed = signedFeeList(snapshot.businesses, choices);
  return {
    version,
    snapshot,
    materials: materialUnion(snapshot.businesses),
    signed,
    feeHash: feeListHash(signed),
    acceptedOn,
    deadlines: deadlinesFor(snapshot.businesses, acceptedOn, loadCalendar(db)),
  };
}

export function previewOf(plan: IntakePlan, decisions: Readonly<Record<string, MaterialDecision | undefined>> | undefined): Preview {
  return {
    catalogueVersion: plan.version.version,
    acceptedOn: plan.acceptedOn,
    businesses: plan.snapshot.businesses.map((b) => ({ code: b.code, utility: b.utility, utilityNames: b.utilityNames, kind: b.kind, names: b.names })),
    materials: plan.materials,
    materialProblems: decisions ? checkMaterials(plan.materials, decisions, plan.acceptedOn) : [],
    fees: plan.signed.fees,
    feeHash: plan.feeHash,
    deadlines: plan.deadlines,
  };
}
