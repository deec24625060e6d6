import { type Day, previousMonth } from '../../../common/calendar-day.ts';
import type { ExcelOptions } from './excel.ts';
import { monthDays } from './period.ts';
import type { Report } from './schemas.ts';

/** Which Excel file: a day's report, or a month's with the previous month in full beside it. */
export type WorkbookRequest = { kind: 'daily'; day: Day } | { kind: 'monthly'; month: string };

export const workbookFileName = (request: WorkbookRequest): string =>
  request.kind === 'daily' ? `daily-report-${request.day}.xlsx` : `monthly-report-${request.month}.xlsx`;

/** Builds the file from reports computed by `report` (in a report worker on the hall, or here). */
export async function buildWorkbook(report: (from: Day, to: Day) => Report, request: WorkbookRequest, options: ExcelOptions): Promise<string> {
  // ExcelJS and its dependencies load at the first workbook: a third of the core's start-up otherwise.
  const { dailyWorkbook, monthlyWorkbook } = await import('./excel.ts');
  if (request.kind === 'daily') return dailyWorkbook(report(request.day, request.day), options);
  const previous = previousMonth(request.month);
  const current = monthDays(request.month);
  const before = monthDays(previous);
  return monthlyWorkbook(
    { month: request.month, previousMonth: previous, current: report(current.from, current.to), previous: report(before.from, before.to) },
    options,
  );
}
