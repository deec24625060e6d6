import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { monthlyReport } from './build-report.ts';
import type { reportsContract } from './contract.ts';
import { dailyWorkbook, monthlyWorkbook } from './excel.ts';
import { liveHall } from './live-hall.ts';
import { inProcessReports } from './report-port.ts';

/** Reports are read-only: they change nothing, so they need no audit entry. */
export function reportsHandlers(deps: CoreDeps): HandlersFor<typeof reportsContract> {
  const reports = deps.ports.reports ?? inProcessReports(deps.db);
  const dailyReport = (day: string) => reports.build(day, day, deps.clock.now());
  return {
    'reports/daily': ({ day }) => dailyReport(day),
    'reports/monthly': ({ month }) => monthlyReport(reports, month, deps.clock.now()),
    'reports/liveHall': ({ waitThresholdMinutes }) => liveHall(deps, waitThresholdMinutes),
    'reports/dailyExcel': async ({ day, lang, labels }) => ({
      fileName: `daily-report-${day}.xlsx`,
      base64: await dailyWorkbook(await dailyReport(day), { lang, labels }),
    }),
    'reports/monthlyExcel': async ({ month, lang, labels }) => ({
      fileName: `monthly-report-${month}.xlsx`,
      base64: await monthlyWorkbook(await monthlyReport(reports, month, deps.clock.now()), { lang, labels }),
    }),
  };
}
