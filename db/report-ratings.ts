import type { ReadDb } from './connection.ts';
import { query, sql } from './sql.ts';

export type RatedWithTask = {
  ratingId: number;
  day: string;
  level: number;
  counterId: number | null;
  staffId: number | null;
  utilities: string;
  taskId: number | null;
  dueDay: string | null;
  assigneeStaffId: number | null;
  closedAt: string | null;
  verdict: string | null;
};

/**
 * Ratings of the hall days `from`..`to` at or above `minLevel` (the bad ones: 4 不满意,
 * 5 非常不满意) with their rectification task, if any. No customer data.
 */
export function ratingsWithTasks(db: ReadDb, from: string, to: string, minLevel: number): RatedWithTask[] {
  return query<RatedWithTask>(
    db,
    sql`SELECT g.id AS ratingId, g.day, g.level, g.counter_id AS counterId, g.staff_id AS staffId, g.utilities,
            r.id AS taskId, r.due_day AS dueDay, r.assignee_staff_id AS assigneeStaffId, r.closed_at AS closedAt, r.verdict
       FROM ratings g LEFT JOIN rectifications r ON r.rating_id = g.id
       WHERE g.day BETWEEN ${from} AND ${to} AND g.status = 'rated' AND g.level >= ${minLevel}
       ORDER BY g.day, g.rated_at, g.id`,
  );
}

export type RatingGroup = { staffId: number | null; stage: 'intake' | 'completed'; status: 'pending' | 'rated' | 'unrated'; level: number | null; n: number };

/**
 * Invitations over the hall days `from`..`to` counted per day, clerk, stage, status and
 * level: one pass over a month's half a million rows gives every rating figure of a report
 * (per level, per clerk, in total), summed by the caller. Grouped in the order of the index
 * ratings_day_figures (migration 0008), so SQLite counts as it walks the index, with no sort.
 */
export function ratingGroups(db: ReadDb, from: string, to: string): RatingGroup[] {
  return query<RatingGroup>(
    db,
    sql`SELECT staff_id AS staffId, stage, status, level, count(*) AS n FROM ratings INDEXED BY ratings_day_figures
       WHERE day BETWEEN ${from} AND ${to} GROUP BY day, staff_id, stage, status, level`,
  );
}
