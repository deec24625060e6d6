import type { Migration } from './migration.ts';

/**
 * A category's pace (the average of its latest finished services, db/tickets.ts
 * averageServiceMinutes) is read for every ticket issued and every category of every
 * overview. Through tickets_day it read every ticket of the recent days and sorted the
 * finished ones: a cost that grew with the day's queue. This index hands it the category's
 * latest finished tickets in order, so it reads just the sample.
 */
export const migration0016 = {
  version: 16,
  name: 'ticket-pace-index',
  up(db) {
    db.exec(`CREATE INDEX tickets_pace ON tickets(category_id, finished_at) WHERE status = 'done'`);
  },
} satisfies Migration;
