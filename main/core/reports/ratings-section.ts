import type { ReadDb } from '../../../db/connection.ts';
import { counterNames, staffNames } from '../../../db/report-queue.ts';
import { ratingGroups, ratingsWithTasks } from '../../../db/report-ratings.ts';
import { completionTarget, isBadLevel, ratingLevels } from '../../../common/rating-levels.ts';
import type { Period } from './period.ts';
import { sumRatingGroups, withRates } from './rating-counts.ts';
import type { RatingsSection } from './schemas.ts';
import { parseJsonColumn, stringList } from '../../../db/json-columns.ts';

/** Levels run 1 非常满意 … 5 非常不满意; the ratings domain says which are bad (差评). */
const firstBadLevel = Math.min(...ratingLevels.filter(isBadLevel));

/**
 * Ratings per level, completion per clerk against the 90% line, and each bad rating with its
 * rectification as it stands on `today`. Counted in SQL in one pass (ratingGroups): the ratings
 * domain's computeFigures walks every invitation in JavaScript, which a busy month makes slow.
 */
export function ratingsSection(db: ReadDb, period: Period, today: string): RatingsSection {
  const staff = new Map(staffNames(db).map((s) => [s.id, s]));
  const counters = new Map(counterNames(db).map((c) => [c.id, c.name]));
  const clerk = (id: number | null) => {
    const s = id === null ? undefined : staff.get(id);
    return s ? `${s.name} (${s.workNo})` : id === null ? '' : `#${id}`;
  };
  const { total, byStaff, byLevel } = sumRatingGroups(ratingGroups(db, period.from, period.to));
  return {
    target: completionTarget,
    byLevel: ratingLevels.map((level) => ({ level, count: byLevel.get(level) ?? 0 })),
    total: withRates(total),
    byClerk: [...byStaff.entries()]
      .filter(([, c]) => c.served > 0)
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
      .map(([staffId, c]) => ({ key: staffId === null ? '' : String(staffId), label: clerk(staffId), ...withRates(c) })),
    bad: ratingsWithTasks(db, period.from, period.to, firstBadLevel).map((r) => ({
      ratingId: r.ratingId,
      day: r.day,
      level: r.level,
      counter: r.counterId === null ? '' : (counters.get(r.counterId) ?? `#${r.counterId}`),
      clerk: clerk(r.staffId),
      utilities: parseJsonColumn(stringList, r.utilities),
      rectification: r.taskId === null ? 'none' : r.closedAt !== null ? 'closed' : r.dueDay !== null && r.dueDay < today ? 'overdue' : 'open',
      dueDay: r.dueDay,
      closedAt: r.closedAt,
      verdict: r.verdict,
    })),
  };
}
