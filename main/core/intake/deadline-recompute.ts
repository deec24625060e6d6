import { appendAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/connection.ts';
import { DEADLINE_KINDS, type DeadlineKind, listOpenDeadlines, setDeadline } from '../../../db/open-deadlines.ts';
import type { Day } from '../../../common/calendar-day.ts';
import { addWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween } from '../calendar/working-days.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';

export type MovedDeadline = { kind: DeadlineKind; id: number; label: string; from: Day; to: Day };

/**
 * The working days a deadline was counted with, read back from its base and due day on the
 * calendar it was computed on; undefined when the due day cannot have come from counting
 * (a manager's later mark, data from elsewhere): such a deadline is left as it is.
 */
function limitOf(base: Day, due: Day, calendar: WorkingCalendar): number | undefined {
  if (due < base) return undefined;
  const counted = workingDaysBetween(base, due, calendar);
  if (addWorkingDays(base, counted, calendar) === due) return counted;
  // Same-day limits (即办) on a rest day land on the next working day, which counts as one.
  if (addWorkingDays(base, 0, calendar) === due) return 0;
  return undefined;
}

/**
 * After a year's holiday arrangement is imported: every open deadline whose period reaches into
 * that year was counted with weekends only there. Each is counted again with the same number of
 * working days on the new calendar; a promised date for a deferred material (the customer's
 * word, not a count) moves to the next working day when it now falls on a holiday. Call inside
 * the import's transaction; every change is audited, one entry per deadline.
 */
export function recomputeDeadlines(
  db: Db,
  change: { year: number; before: WorkingCalendar; after: WorkingCalendar; at: string; actorStaffId: number | null },
): MovedDeadline[] {
  const period = { fromDay: `${change.year}-01-01`, toDay: `${change.year}-12-31` };
  const moved: MovedDeadline[] = [];
  for (const kind of DEADLINE_KINDS) {
    for (const open of listOpenDeadlines(db, kind, period)) {
      let to: Day | undefined;
      if (kind === 'deferredMaterial') {
        to = isWorkingDay(open.dueDay, change.after) ? open.dueDay : nextWorkingDay(open.dueDay, change.after);
      } else {
        const limit = limitOf(open.baseDay, open.dueDay, change.before);
        to = limit === undefined ? undefined : addWorkingDays(open.baseDay, limit, change.after);
      }
      if (to === undefined || to === open.dueDay) continue;
      setDeadline(db, kind, open.id, to);
      appendAudit(db, {
        at: change.at,
        actorStaffId: change.actorStaffId,
        action: 'calendar.deadlineMoved',
        target: `${kind}:${open.id}`,
        before: { dueDay: open.dueDay },
        after: { dueDay: to, year: change.year, label: open.label },
      });
      moved.push({ kind, id: open.id, label: open.label, from: open.dueDay, to });
    }
  }
  return moved;
}
