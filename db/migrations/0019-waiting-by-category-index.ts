import type { Migration } from './migration.ts';

/**
 * How many wait ahead of a ticket in its category (db/tickets.ts waitingAhead) is asked for
 * every ticket issued and every status page. Through tickets_waiting it read every waiting
 * ticket of the day, all categories, and looked each one's category up in the table. With
 * the category first and only waiting tickets in it, the count is read off this index alone.
 */
export const migration0019 = {
  version: 19,
  name: 'waiting-by-category-index',
  up(db) {
    db.exec(`CREATE INDEX tickets_waiting_category ON tickets(category_id, queued_at, id) WHERE status = 'waiting'`);
  },
} satisfies Migration;
