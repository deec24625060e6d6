import { countComplaints } from '../../../db/complaints.ts';
import type { Db } from '../../../db/connection.ts';
import type { Day } from '../../../common/calendar-day.ts';

export type ComplaintFigures = {
  fromDay: Day;
  toDay: Day;
  opened: number;
  closed: number;
  sameDayCleared: number;
  sameDayRate: number | null;
  closedOverdue: number;
  openOverdue: number;
};

/**
 * Complaints over hall days `fromDay`..`toDay` (inclusive), for the ledger's header and the
 * daily and monthly reports: opened (received), closed, same-day cleared (日清日结: closed on
 * the day received) and its rate over opened, closed after the deadline, and open past it at the
 * period's end. Computed from the records, so any past period gives the same answer again.
 */
export function complaintFigures(db: Db, fromDay: Day, toDay: Day): ComplaintFigures {
  const counts = countComplaints(db, fromDay, toDay);
  return { fromDay, toDay, ...counts, sameDayRate: counts.opened === 0 ? null : counts.sameDayCleared / counts.opened };
}
