import type { ReadDb } from '../../../db/connection.ts';
import { countApplications, deferredFigures, feesByUtility, matterRows } from '../../../db/report-intake.ts';
import type { Labels } from './labels.ts';
import type { Period } from './period.ts';
import type { IntakeSection } from './schemas.ts';

/**
 * Applications and businesses per utility and kind (from the period's matters, read in one
 * pass), deferred materials due and overdue, fees per utility.
 */
export function intakeSection(db: ReadDb, period: Period, labels: Labels): IntakeSection {
  const { startIso, endIso } = period;
  const matters = matterRows(db, startIso, endIso);
  const perUtility = new Map<string, { applications: number; matters: number; lastApplication: number }>();
  // The same business under two catalogue versions is one line.
  const businesses = new Map<string, IntakeSection['byBusiness'][number]>();
  for (const [applicationId, version, utility, businessCode] of matters) {
    let u = perUtility.get(utility);
    if (!u) perUtility.set(utility, (u = { applications: 0, matters: 0, lastApplication: -1 }));
    u.matters += 1;
    // An application's matters come together: a joint application counts once for each utility.
    if (u.lastApplication !== applicationId) {
      u.applications += 1;
      u.lastApplication = applicationId;
    }
    const key = `${utility}\u0000${businessCode}`;
    const known = businesses.get(key);
    if (known) known.matters += 1;
    else {
      const { names, kind } = labels.business(version, businessCode);
      businesses.set(key, { utility, businessCode, kind, names, matters: 1 });
    }
  }
  const byUtility = [...perUtility.entries()]
    .sort(([a], [b]) => labels.utilityOrder(a, b))
    .map(([utility, u]) => ({ utility, names: labels.utility(utility), applications: u.applications, matters: u.matters }));
  const byBusiness = [...businesses.values()].sort(
    (a, b) => labels.utilityOrder(a.utility, b.utility) || b.matters - a.matters || a.businessCode.localeCompare(b.businessCode),
  );
  const fees = feesByUtility(db, startIso, endIso)
    .sort((a, b) => labels.utilityOrder(a.utility, b.utility))
    .map((f) => ({ ...f, names: labels.utility(f.utility) }));

  return {
    applications: countApplications(db, startIso, endIso),
    byUtility,
    byBusiness,
    deferred: deferredFigures(db, period),
    fees: { byUtility: fees, totalFen: fees.reduce((sum, f) => sum + f.amountFen, 0) },
  };
}
