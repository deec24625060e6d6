import type { Migration } from './migration.ts';

/**
 * The category a ticket was issued in (the kiosk's number series), kept apart from the one it
 * waits or was served in. A ticket transferred from 综合 (A) to 报装 (B) counts as issued in A,
 * where its number came from, and as transferred in at B, where it was served: reports say both
 * (main/core/reports/queue-section.ts). Tickets before this migration take the category of their
 * number's prefix, which is where they were issued; the rare number whose prefix no category has
 * any more keeps its current category.
 */
export const migration0010 = {
  version: 10,
  name: 'ticket-issued-category',
  up(db) {
    db.exec(`
      ALTER TABLE tickets ADD COLUMN issued_category_id INTEGER REFERENCES categories(id);
      UPDATE tickets SET issued_category_id = coalesce(
        (SELECT c.id FROM categories c WHERE c.prefix = substr(tickets.number, 1, length(c.prefix)) AND substr(tickets.number, length(c.prefix) + 1) GLOB '[0-9]*'),
        category_id);
      -- Only transferred tickets differ: the reports read those few through this index.
      CREATE INDEX tickets_transferred ON tickets(day, issued_category_id, category_id) WHERE issued_category_id <> category_id;
    `);
  },
} satisfies Migration;
