/**
 * The headline figures of a report, in a fixed order: the first page of the printout, the
 * summary sheet of the Excel file, and the monthly report's side-by-side comparison.
 */
export const summaryKeys = [
  'ticketsIssued',
  'ticketsServed',
  'ticketsNoShow',
  'waitAvgMin',
  'waitP90Min',
  'serviceAvgMin',
  'serviceP90Min',
  'applications',
  'matters',
  'deferredDue',
  'deferredOverdue',
  'feesYuan',
  'ratings',
  'completionRate',
  'goodRate',
  'badRatings',
  'badRectified',
  'complaintsOpened',
  'complaintsClosed',
  'followUpsDue',
  'followUpsDone',
  'syncFailedRuns',
] as const;

export type SummaryKey = (typeof summaryKeys)[number];
