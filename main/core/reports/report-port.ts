import type { Db } from '../../../db/connection.ts';
import type { Day } from '../../../common/calendar-day.ts';
import { buildReport } from './build-report.ts';
import type { Report } from './schemas.ts';

/**
 * Who computes a report. A month is over a million records to read; the hall server plugs in
 * worker threads (main/server/report-workers.ts) so the counters' calls are not held up while
 * a manager prints one, and a monthly report's two months are read side by side. Without it
 * (tests, a client) the report is computed here, on the caller's connection.
 */
export type ReportPort = {
  /** The report over hall days `from`..`to`, as the records stand, with `now` as its generation time. */
  build: (from: Day, to: Day, now: Date) => Promise<Report>;
};

export function inProcessReports(db: Db): ReportPort {
  return { build: async (from, to, now) => buildReport({ db, clock: { now: () => now } }, from, to) };
}
