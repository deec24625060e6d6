import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { getCounter } from '../../../db/counters.ts';
import {
  assignRectification,
  closeWithVerdict,
  getRectification,
  listRectifications,
  type RectificationListRow,
  recordCall,
  recordMeasures,
  type Verdict,
} from '../../../db/rectifications.ts';
import { getStaffById } from '../../../db/staff.ts';
import { fail } from '../api/errors.ts';
import type { CoreDeps } from '../deps.ts';
import { addDays } from '../../../common/calendar-day.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { hallToday } from '../hall/hall-today.ts';
import { workingDaysBetween } from '../calendar/working-days.ts';
import { hallDay } from '../../../common/hall-time.ts';
import { hallTimeZone } from '../hall/time-zone.ts';
import type { RectificationView } from './contract.ts';
import { queueRating } from '../sync/rating-record.ts';

const staffAudience = ['clerk', 'manager', 'admin'] as const;

function toView(deps: Pick<CoreDeps, 'db'>, row: RectificationListRow, today: string, calendar: ReturnType<typeof loadCalendar>): RectificationView {
  const closedDay = row.closedAt === null ? undefined : hallDay(new Date(row.closedAt), hallTimeZone(deps.db));
  return {
    id: row.id,
    ratingId: row.ratingId,
    level: row.level,
    ratingDay: row.ratingDay,
    ratedAt: row.ratedAt,
    channel: row.channel,
    counterNumber: row.counterId === null ? null : (getCounter(deps.db, row.counterId)?.number ?? null),
    staffName: row.staffId === null ? null : (getStaffById(deps.db, row.staffId)?.name ?? null),
    utilities: row.utilities,
    caseNumbers: row.caseNumbers,
    reasons: row.reasons,
    comment: row.comment,
    openedAt: row.openedAt,
    dueDay: row.dueDay,
    assigneeStaffId: row.assigneeStaffId,
    assigneeName: row.assigneeStaffId === null ? null : (getStaffById(deps.db, row.assigneeStaffId)?.name ?? null),
    assignedAt: row.assignedAt,
    callAt: row.callAt,
    callNotes: row.callNotes,
    measures: row.measures,
    measuresAt: row.measuresAt,
    verdict: row.verdict,
    verdictAt: row.verdictAt,
    closedAt: row.closedAt,
    // Due at the end of its due day: overdue from the next day on, or closed after it.
    overdue: row.closedAt === null ? today > row.dueDay : (closedDay ?? '') > row.dueDay,
    workingDaysLeft: row.closedAt === null ? workingDaysBetween(today, row.dueDay, calendar) : null,
  };
}

export function rectificationViews(deps: CoreDeps): RectificationView[] {
  const today = hallToday(deps);
  const calendar = loadCalendar(deps.db);
  return listRectifications(deps.db, addDays(today, -90)).map((row) => toView(deps, row, today, calendar));
}

export function rectificationView(deps: CoreDeps, id: number): RectificationView {
  const row = getRectification(deps.db, id) ?? fail('not_found', 'errors.ratings.rectificationNotFound');
  return toView(deps, row, hallToday(deps), loadCalendar(deps.db));
}

type Step =
  { kind: 'assign'; staffId: number } | { kind: 'call'; notes: string } | { kind: 'measures'; measures: string } | { kind: 'verdict'; verdict: Verdict };

/** One step of a task, by a manager, audited; a closed task takes no more steps. */
export function rectificationStep(deps: CoreDeps, actorStaffId: number | null, id: number, step: Step): RectificationView {
  const { db, clock } = deps;
  const at = clock.now().toISOString();
  inTransaction(db, () => {
    const before = getRectification(db, id) ?? fail('not_found', 'errors.ratings.rectificationNotFound');
    if (before.closedAt !== null) fail('conflict', 'errors.ratings.rectificationClosed');
    let done: boolean;
    switch (step.kind) {
      case 'assign': {
        const staff = getStaffById(db, step.staffId);
        if (!staff?.active) fail('not_found', 'errors.staffNotFound');
        done = assignRectification(db, id, { assigneeStaffId: step.staffId, by: actorStaffId, at });
        break;
      }
      case 'call':
        done = recordCall(db, id, { notes: step.notes, by: actorStaffId, at });
        break;
      case 'measures':
        done = recordMeasures(db, id, { measures: step.measures, by: actorStaffId, at });
        break;
      case 'verdict':
        if (before.measures === null) fail('conflict', 'errors.ratings.measuresFirst');
        done = closeWithVerdict(db, id, { verdict: step.verdict, by: actorStaffId, at });
        break;
    }
    if (!done) fail('conflict', 'errors.ratings.rectificationClosed');
    auditChange(deps, actorStaffId, { at, action: `ratings.rectification.${step.kind}`, target: `rectification:${id}`, after: step });
    // The measures and the customer's verdict go out as an update of the same rating (utilities, 好差评 platform).
    if (step.kind === 'measures' || step.kind === 'verdict') queueRating(db, before.ratingId, at);
  });
  deps.events.emit('ratings/changed', { reason: 'rectification' }, staffAudience);
  return rectificationView(deps, id);
}
