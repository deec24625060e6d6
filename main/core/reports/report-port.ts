import { type Db, inTransaction } from '../../../db/connection.ts';
import { type KeptDayTimes, storeDayTimes } from '../../../db/report-day-times.ts';
import type { Day } from '../../../common/calendar-day.ts';
import { buildReport } from './build-report.ts';
import type { ExcelOptions } from './excel.ts';
import type { Report, ReportSummary } from './schemas.ts';
import { buildWorkbook, type WorkbookRequest } from './workbook.ts';

/**
 * Who computes a report. A month is over a million records to read; the hall server plugs in
 * worker threads (main/server/report-workers.ts) so the counters' calls are not held up while
 * a manager prints one, and a monthly report's two months are read side by side. Without it
 * (tests, a client) the report is computed here, on the caller's connection.
 *
 * What crosses back is what the caller needs and no more: the whole report, only its headline
 * figures (the previous month beside a monthly report), or the finished Excel file. The hall's
 * event loop receives and sends every byte of it, and a month's details with ten thousand rows
 * of Excel written there froze the counters (bench hall.busy).
 */
export type ReportPort = {
  /** The report over hall days `from`..`to`, as the records stand, with `now` as its generation time. */
  build: (from: Day, to: Day, now: Date) => Promise<Report>;
  /** Only the period and the headline figures of that report. */
  summary: (from: Day, to: Day, now: Date) => Promise<ReportSummary>;
  /** The daily or monthly report as an Excel workbook (.xlsx, base64). */
  workbook: (request: WorkbookRequest, options: ExcelOptions, now: Date) => Promise<string>;
};

export const summaryPart = (report: Report): ReportSummary => ({ from: report.from, to: report.to, summary: report.summary });

export function inProcessReports(db: Db): ReportPort {
  // The closed days a report computes, kept at once: nothing can change between the computing
  // and this store, both run in one synchronous call. A read-only connection (a backup being
  // checked, a copy) computes without keeping.
  const report =
    (now: Date) =>
    (from: Day, to: Day): Report => {
      const kept: KeptDayTimes[] = [];
      const built = buildReport({ db, clock: { now: () => now } }, from, to, (day) => kept.push(day));
      if (!db.readonly && kept.length > 0) inTransaction(db, () => kept.forEach((k) => storeDayTimes(db, k.day, k.groupsJson, k.samples, k.builtAt)));
      return built;
    };
  return {
    build: async (from, to, now) => report(now)(from, to),
    summary: async (from, to, now) => summaryPart(report(now)(from, to)),
    workbook: (request, options, now) => buildWorkbook(report(now), request, options),
  };
}
