import { openStagesDueBy, openWorkOrdersDueBy } from '../../../db/work-orders.ts';
import type { CoreDeps } from '../deps.ts';
import { addDays, type Day } from '../../../common/calendar-day.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { hallToday } from '../hall/hall-today.ts';
import type { DueItem } from './views.ts';
import { addWorkingDays, deadlineStatus, workingDaysBetween } from '../calendar/working-days.ts';

/**
 * The overdue list (环节时限预警) for clerks and managers: open work orders and their open
 * stages that are due within `warnBeforeWorkingDays` working days or already past due,
 * counted on the hall's working calendar (a deadline after the National Day week is not
 * overdue during it). Overdue first, then by due day.
 */
export function dueList(deps: Pick<CoreDeps, 'db' | 'clock'>, input: { warnBeforeWorkingDays: number; limit: number }): { today: Day; items: DueItem[] } {
  const { db } = deps;
  const today = hallToday(deps);
  const calendar = loadCalendar(db);
  const warn = input.warnBeforeWorkingDays;
  // The last day that still has at most `warn` working days after today: the day before the (warn+1)-th.
  const cutoff = addDays(addWorkingDays(today, warn + 1, calendar), -1);
  const items: DueItem[] = [];
  const add = (item: Omit<DueItem, 'level' | 'workingDaysLeft'>) => {
    const level = deadlineStatus(today, item.dueDay, warn, calendar);
    // `|| 0`: past due over rest days only is 0 working days, not -0.
    if (level !== 'ok') items.push({ ...item, level, workingDaysLeft: workingDaysBetween(today, item.dueDay, calendar) || 0 });
  };
  for (const w of openWorkOrdersDueBy(db, cutoff, input.limit)) {
    add({
      kind: 'workOrder',
      workOrderId: w.workOrderId,
      applicationId: w.applicationId,
      utility: w.utility,
      status: w.status,
      caseNumbers: w.caseNumbers.split(','),
      business: null,
      stage: null,
      dueDay: w.dueDay,
    });
  }
  for (const s of openStagesDueBy(db, cutoff, input.limit)) {
    add({
      kind: 'stage',
      workOrderId: s.workOrderId,
      applicationId: s.applicationId,
      utility: s.utility,
      status: s.status,
      caseNumbers: [s.caseNumber],
      business: s.businessCode,
      stage: { code: s.stageCode, names: { zh: s.stageNameZh, en: s.stageNameEn } },
      dueDay: s.stageDueDay,
    });
  }
  const rank = (item: DueItem) => (item.level === 'overdue' ? 0 : 1);
  items.sort((a, b) => rank(a) - rank(b) || (a.dueDay < b.dueDay ? -1 : a.dueDay > b.dueDay ? 1 : 0) || a.workOrderId - b.workOrderId);
  return { today, items: items.slice(0, input.limit) };
}
