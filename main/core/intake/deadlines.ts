import type { Day } from '../../../common/calendar-day.ts';
import type { Names } from '../catalogue/catalogue.ts';
import type { ResolvedBusiness } from '../catalogue/catalogue-snapshot.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { addWorkingDays, isProvisional, stageDeadlines } from '../calendar/working-days.ts';

export type StageDue = { code: string; names: Names; limitWorkingDays: number; dueDay: Day };
export type MatterDue = { business: string; businessNames: Names; timeLimitWorkingDays: number; dueDay: Day; stages: StageDue[] };
export type UtilityDue = { utility: string; utilityNames: Names; dueDay: Day; provisional: boolean; matters: MatterDue[] };

/**
 * Deadlines of an application accepted on `acceptedOn`: per matter (its business's time limit)
 * and per stage, grouped by utility; a utility's work order is due when its last matter is.
 * `provisional` says a deadline runs into a year whose holidays are not yet published.
 */
export function deadlinesFor(businesses: readonly ResolvedBusiness[], acceptedOn: Day, calendar: WorkingCalendar): UtilityDue[] {
  const byUtility = new Map<string, UtilityDue>();
  for (const business of businesses) {
    const dueDay = addWorkingDays(acceptedOn, business.timeLimitWorkingDays, calendar);
    const stageDays = stageDeadlines(
      acceptedOn,
      business.stages.map((s) => ({ code: s.code, limitWorkingDays: s.limitWorkingDays })),
      calendar,
    );
    const matter: MatterDue = {
      business: business.code,
      businessNames: business.names,
      timeLimitWorkingDays: business.timeLimitWorkingDays,
      dueDay,
      stages: business.stages.map((s, i) => ({ code: s.code, names: s.names, limitWorkingDays: s.limitWorkingDays, dueDay: stageDays[i]?.due ?? dueDay })),
    };
    const group = byUtility.get(business.utility);
    if (group) {
      group.matters.push(matter);
      if (dueDay > group.dueDay) group.dueDay = dueDay;
    } else {
      byUtility.set(business.utility, { utility: business.utility, utilityNames: business.utilityNames, dueDay, provisional: false, matters: [matter] });
    }
  }
  return [...byUtility.values()].map((u) => ({ ...u, provisional: isProvisional(acceptedOn, u.dueDay, calendar) }));
}
