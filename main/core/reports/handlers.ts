import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { monthlyReport } from './build-report.ts';
import type { reportsContract } from './contract.ts';
import type { ExcelOptions } from './excel.ts';
import { liveHall } from './live-hall.ts';
import { inProcessReports } from './report-port.ts';
import { type WorkbookRequest, workbookFileName } from './workbook.ts';

/** Reports are read-only: they change nothing, so they need no audit entry. */
export function reportsHandlers(deps: CoreDeps): HandlersFor<typeof reportsContract> {
  const reports = deps.ports.reports ?? inProcessReports(deps.db);
  const dailyReport = (day: string) => reports.build(day, day, deps.clock.now());
  const workbook = async (request: WorkbookRequest, options: ExcelOptions) => ({
    fileName: workbookFileName(request),
    base64: await reports.workbook(request, options, deps.clock.now()),
  });
  return {
    'reports/daily': ({ day }) => dailyReport(day),
    'reports/monthly': ({ month }) => monthlyReport(reports, month, deps.clock.now()),
    'reports/liveHall': ({ waitThresholdMinutes }) => liveHall(deps, waitThresholdMinutes),
    'reports/dailyExcel': ({ day, lang, labels }) => workbook({ kind: 'daily', day }, { lang, labels }),
    'reports/monthlyExcel': ({ month, lang, labels }) => workbook({ kind: 'monthly', month }, { lang, labels }),
  };
}
