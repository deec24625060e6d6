import { mattersOf, searchApplications } from '../../../db/intake-search.ts';
import type { CoreDeps } from '../deps.ts';
import { maskedContact } from '../privacy/mask.ts';
import { hallDayStart } from '../../../common/hall-time.ts';
import { hallTimeZone } from '../hall/time-zone.ts';
import { addDays, type Day } from '../../../common/calendar-day.ts';
import { normaliseIdNumber, normalisePhone } from '../customers/customer-records.ts';
import type { SearchResult } from './views.ts';

/** Counting stops here: the table then shows "10000+" rather than the hall waiting for an exact figure. */
export const SEARCH_COUNT_CAP = 10_000;

/**
 * The instant a hall-local day starts. Noon UTC of that date lies inside the hall's day for
 * any zone within ±11 hours of UTC (every Chinese hall), so its day start is the one wanted.
 */
const dayStart = (day: Day, timeZone: string): string => hallDayStart(new Date(`${day}T12:00:00Z`), timeZone).toISOString();

export type SearchInput = {
  caseNumber?: string | undefined;
  name?: string | undefined;
  idNumber?: string | undefined;
  phone?: string | undefined;
  accountNo?: string | undefined;
  from?: Day | undefined;
  to?: Day | undefined;
  page: number;
  pageSize: number;
};

/** Applications for the clerk's and manager's table: filtered and paged in SQL, personal data masked. */
export function searchView(deps: Pick<CoreDeps, 'db'>, input: SearchInput): SearchResult {
  const timeZone = hallTimeZone(deps.db);
  const { hits, total, exact } = searchApplications(deps.db, {
    caseNumber: input.caseNumber,
    name: input.name,
    idNumber: input.idNumber ? normaliseIdNumber(input.idNumber) : undefined,
    phone: input.phone ? normalisePhone(input.phone) : undefined,
    accountNo: input.accountNo,
    from: input.from ? dayStart(input.from, timeZone) : undefined,
    // "to" is inclusive on the form: everything before the next day starts.
    to: input.to ? dayStart(addDays(input.to, 1), timeZone) : undefined,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
    countCap: SEARCH_COUNT_CAP,
  });
  const matters = mattersOf(
    deps.db,
    hits.map((h) => h.id),
  );
  return {
    rows: hits.map((h) => ({
      id: h.id,
      submittedAt: h.submittedAt,
      acceptedOn: h.day,
      customerKind: h.customerKind,
      customerName: h.customerName,
      ...maskedContact(h),
      totalFen: h.totalFen,
      bundle: h.bundleCode,
      counterId: h.counterId,
      staffId: h.staffId,
      matters: matters
        .filter((m) => m.applicationId === h.id)
        .map((m) => ({
          caseNumber: m.caseNumber,
          utility: m.utility,
          business: m.businessCode,
          status: m.status,
          utilityNote: m.utilityNote,
          utilityAt: m.utilityAt,
        })),
    })),
    total,
    totalExact: exact,
    page: input.page,
    pageSize: input.pageSize,
  };
}
