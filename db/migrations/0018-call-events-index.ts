import type { Migration } from './migration.ts';

/**
 * The board's latest calls (db/tickets.ts recentCalls) walked ticket_events_at backwards
 * through every event of the day — each issued ticket is one — to find ten calls: a cost per
 * overview that grew with the morning's queue. Calls alone, in time order, make it ten reads.
 */
export const migration0018 = {
  version: 18,
  name: 'call-events-index',
  up(db) {
    db.exec(`CREATE INDEX ticket_events_calls ON ticket_events(at, id) WHERE type IN ('called', 'recalled')`);
  },
} satisfies Migration;
