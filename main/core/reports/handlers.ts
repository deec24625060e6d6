import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { dailyReport, monthlyReport } from './build-report.ts';
import type { reportsContract } from './contract.ts';
import { dailyWorkbook, monthlyWorkbook } from './excel.ts';
import { liveHall } from './live-hall.ts';

/** Reports are read-only: they change nothing, so they need no audit entry. */
export function reportsHandlers(deps: CoreDeps): HandlersFor<typeof reportsContract> {
  return {
    'reports/daily': ({ day }) => dailyReport(deps, day),
    'reports/monthly': ({ month }) => monthlyReport(deps, month),
    'reports/liveHall': ({ waitThresholdMinutes }) => liveHall(deps, waitThresholdMinutes),
    'reports/dailyExcel': async ({ day, lang, labels }) => ({
      fileName: `daily-report-${day}.xlsx`,
      base64: await dailyWorkbook(dailyReport(deps, day), { lang, labels }),
    }),
    'reports/monthlyExcel': async ({ month, lang, labels }) => ({
      fileName: `monthly-report-${month}.xlsx`,
      base64: await monthlyWorkbook(monthlyReport(deps, month), { lang, labels }),
    }),
  };
}
