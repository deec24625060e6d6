import type { Report } from './schemas.ts';
import type { SummaryKey } from '../../../common/summary-keys.ts';

export const minutes = (sec: number | null): number | null => (sec === null ? null : Math.round(sec / 6) / 10);
export const yuan = (fen: number): number => fen / 100;

/** Times in minutes (one decimal), money in yuan, rates as fractions. */
export function summaryOf(r: Omit<Report, 'summary'>): Record<SummaryKey, number | null> {
  const t = r.queue.times.overall;
  const ratings = r.ratings;
  return {
    ticketsIssued: r.queue.total.issued,
    ticketsServed: r.queue.total.served,
    ticketsNoShow: r.queue.total.noShow,
    waitAvgMin: minutes(t.wait.avgSec),
    waitP90Min: minutes(t.wait.p90Sec),
    serviceAvgMin: minutes(t.service.avgSec),
    serviceP90Min: minutes(t.service.p90Sec),
    applications: r.intake.applications,
    matters: r.intake.byUtility.reduce((n, u) => n + u.matters, 0),
    deferredDue: r.intake.deferred.due,
    deferredOverdue: r.intake.deferred.overdueEarlier,
    feesYuan: yuan(r.intake.fees.totalFen),
    ratings: ratings ? ratings.total.ratings : null,
    completionRate: ratings ? ratings.total.completionRate : null,
    goodRate: ratings ? ratings.total.goodRate : null,
    badRatings: ratings ? ratings.bad.length : null,
    badRectified: ratings ? ratings.bad.filter((b) => b.rectification === 'closed').length : null,
    complaintsOpened: r.complaints ? r.complaints.opened : null,
    complaintsClosed: r.complaints ? r.complaints.closed : null,
    followUpsDue: r.followUps ? r.followUps.open : null,
    followUpsDone: r.followUps ? r.followUps.done : null,
    syncFailedRuns: r.sync ? r.sync.utilities.reduce((n, u) => n + u.failed, 0) : null,
  };
}
