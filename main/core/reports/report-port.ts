import { type Db, inTransaction } from '../../../db/connection.ts';
import { type KeptDayTimes, storeDayTimes } from '../../../db/report-day-times.ts';
import type { Day } from '../intake/calendar-day.ts';
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
  return {
    build: async (from, to, now) => {
      const kept: KeptDayTimes[] = [];
      const report = buildReport({ db, clock: { now: () => now } }, from, to, (day) => kept.push(day));
      // Nothing can change between the computing and this store: both run in this one synchronous call.
      // A read-only connection (a backup being checked, a copy) computes without keeping.
      if (!db.readonly && kept.length > 0) inTransaction(db, () => kept.forEach((k) => storeDayTimes(db, k.day, k.groupsJson, k.samples, k.builtAt)));
      return report;
    },
  };
}
