import type { Db } from '../../../db/connection.ts';
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
  const at = (now: Date) => ({ db, clock: { now: () => now } });
  return {
    build: async (from, to, now) => buildReport(at(now), from, to),
    summary: async (from, to, now) => summaryPart(buildReport(at(now), from, to)),
    workbook: (request, options, now) => buildWorkbook((from, to) => buildReport(at(now), from, to), request, options),
  };
}
