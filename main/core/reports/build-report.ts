import type { ReadDb } from '../../../db/connection.ts';
import type { KeptDayTimes } from '../../../db/report-day-times.ts';
import { getSetting } from '../../../db/settings.ts';
import type { CoreDeps } from '../deps.ts';
import { type Day, previousMonth } from '../../../common/calendar-day.ts';
import { hallDay } from '../../../common/hall-time.ts';
import { hallTimeZone } from '../hall/time-zone.ts';
import { intakeSection } from './intake-section.ts';
import { catalogueLabels } from './labels.ts';
import { complaintsSection, followUpsSection } from './ledgers-section.ts';
import { monthDays, periodOf } from './period.ts';
import { queueSection } from './queue-section.ts';
import { ratingsSection } from './ratings-section.ts';
import type { ReportPort } from './report-port.ts';
import type { MonthlyReport, Report } from './schemas.ts';
import { summaryOf } from './summary.ts';
import { syncSection } from './sync-section.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { missingCalendarYears } from '../calendar/calendar-years.ts';

/**
 * A report over hall days `from`..`to`, computed from the records each time: the same
 * records give the same figures, for any period. Only the follow-through of bad ratings
 * (rectified or not) and the sync backlog are as they stand at `generatedAt`. Closed days'
 * wait and service times computed on the way go to `keep` (day-times.ts): the report writes nothing.
 */
export function buildReport(deps: { db: ReadDb; clock: CoreDeps['clock'] }, from: Day, to: Day, keep: (kept: KeptDayTimes) => void = () => undefined): Report {
  const { db } = deps;
  const now = deps.clock.now();
  const timeZone = hallTimeZone(db);
  const period = periodOf(from, to, timeZone);
  const labels = catalogueLabels(db);
  const today = hallDay(now, timeZone);
  const sections = {
    from,
    to,
    generatedAt: now.toISOString(),
    hallName: getSetting(db, 'hall.name') ?? null,
    queue: queueSection(db, period, labels, today, now.toISOString(), keep),
    intake: intakeSection(db, period, labels),
    ratings: ratingsSection(db, period, today),
    complaints: complaintsSection(db, period),
    followUps: followUpsSection(db, period),
    sync: syncSection(db, period, labels),
    // Years the hall needs and has no holiday arrangement for: their deadlines are provisional.
    calendarMissingYears: missingCalendarYears(today, loadCalendar(db)),
  };
  return { ...sections, summary: summaryOf(sections) };
}

/** The month's report (月报, for the leading group) with the previous month's headline figures beside it, the two months computed side by side where the port can. */
export async function monthlyReport(reports: ReportPort, month: string, now: Date): Promise<MonthlyReport> {
  const previous = previousMonth(month);
  const current = monthDays(month);
  const before = monthDays(previous);
  const [currentReport, previousSummary] = await Promise.all([reports.build(current.from, current.to, now), reports.summary(before.from, before.to, now)]);
  return { month, previousMonth: previous, current: currentReport, previous: previousSummary };
}
