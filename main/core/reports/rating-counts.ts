import type { RatingGroup } from '../../../db/report-ratings.ts';
import { completionTarget, isBadLevel, isGoodLevel } from '../../../common/rating-levels.ts';

export type RatingCounts = { served: number; rated: number; unrated: number; pending: number; ratings: number; good: number; bad: number };

const zero = (): RatingCounts => ({ served: 0, rated: 0, unrated: 0, pending: 0, ratings: 0, good: 0, bad: 0 });

/**
 * Sums invitation groups as main/core/ratings/figures.ts counts them: served, rated,
 * unrated and pending are of the window stage (受理); ratings, good and bad of every rated
 * invitation (办结 ones from the receipt's QR code too). ratings-section.test.ts holds the
 * two together.
 */
export function sumRatingGroups(groups: readonly RatingGroup[]): {
  total: RatingCounts;
  byStaff: Map<number | null, RatingCounts>;
  byLevel: Map<number, number>;
} {
  const total = zero();
  const byStaff = new Map<number | null, RatingCounts>();
  const byLevel = new Map<number, number>();
  const add = (c: RatingCounts, g: RatingGroup) => {
    if (g.stage === 'intake') {
      c.served += g.n;
      if (g.status === 'rated') c.rated += g.n;
      else if (g.status === 'unrated') c.unrated += g.n;
      else c.pending += g.n;
    }
    if (g.status === 'rated' && g.level !== null) {
      c.ratings += g.n;
      if (isGoodLevel(g.level)) c.good += g.n;
      if (isBadLevel(g.level)) c.bad += g.n;
    }
  };
  for (const g of groups) {
    add(total, g);
    let c = byStaff.get(g.staffId);
    if (!c) byStaff.set(g.staffId, (c = zero()));
    add(c, g);
    if (g.status === 'rated' && g.level !== null) byLevel.set(g.level, (byLevel.get(g.level) ?? 0) + g.n);
  }
  return { total, byStaff, byLevel };
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Completion (评价完成率), 好评率 and the 90% line, as the ratings domain gives them. */
export function withRates(c: RatingCounts) {
  const completionRate = ratio(c.rated, c.served);
  return { ...c, completionRate, goodRate: ratio(c.good, c.ratings), meetsTarget: completionRate === null ? null : completionRate >= completionTarget };
}
