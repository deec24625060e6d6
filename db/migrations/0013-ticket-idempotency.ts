import type { Migration } from './migration.ts';

/**
 * A kiosk that lost the answer to "issue a ticket" asks again under the same key and gets the
 * same ticket, not a second number (main/core/queue/issue.ts). Unique where given; old tickets
 * have none.
 */
export const migration0013 = {
  version: 13,
  name: 'ticket-idempotency',
  up(db) {
    db.exec(`
      ALTER TABLE tickets ADD COLUMN idempotency_key TEXT;
      CREATE UNIQUE INDEX tickets_idempotency_key ON tickets(idempotency_key) WHERE idempotency_key IS NOT NULL;
    `);
  },
} satisfies Migration;
