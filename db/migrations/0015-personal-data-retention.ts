import type { Migration } from './migration.ts';

const OUTBOX_TYPES_BEFORE = `CHECK (type IN ('workOrder', 'rating', 'complaint', 'followUp'))`;
const OUTBOX_TYPES_AFTER = `CHECK (type IN ('workOrder', 'rating', 'complaint', 'followUp', 'erasure'))`;

/**
 * Personal data kept only as long as the hall's rules say (docs/privacy.md):
 * - `erased_at` / `personal_erased_at` / `image_erased_at` / `drop_removed_at`: when the
 *   retention job or a person's erasure blanked a customer, stripped an outbox copy of the
 *   customer, emptied a signature image, or removed a folder drop. The rows stay, so counts,
 *   times and ratings in the reports still add up.
 * - The outbox takes a new record type, `erasure`: the hall asks a utility to erase what it
 *   was sent about a person (docs/sync-protocol.md). Only the type's CHECK widens; SQLite cannot
 *   alter a CHECK, and rebuilding the outbox would drop and rename it (migrations only add), so
 *   the table's declaration is edited in place the way SQLite documents for loosening a
 *   constraint (https://sqlite.org/lang_altertable.html#otheralter): every existing row still
 *   satisfies the wider CHECK, and nothing on disk changes.
 */
export const migration0015 = {
  version: 15,
  name: 'personal-data-retention',
  up(db) {
    db.exec(`
      ALTER TABLE customers ADD COLUMN erased_at TEXT;
      ALTER TABLE signature_requests ADD COLUMN image_erased_at TEXT;
      ALTER TABLE sync_outbox ADD COLUMN personal_erased_at TEXT;
      ALTER TABLE sync_batches ADD COLUMN drop_removed_at TEXT;
      -- What the nightly job looks for: accepted work order copies still carrying the customer.
      CREATE INDEX sync_outbox_personal ON sync_outbox(answered_at) WHERE type = 'workOrder' AND personal_erased_at IS NULL;
    `);
    const table = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'sync_outbox'`).get() as { sql: string };
    if (!table.sql.includes(OUTBOX_TYPES_BEFORE)) throw new Error('migration 0015: sync_outbox is not as migration 0005 left it');
    const version = Number(db.pragma('schema_version', { simple: true }));
    // better-sqlite3 opens connections in defensive mode, which forbids writing the schema table.
    db.unsafeMode(true);
    try {
      db.pragma('writable_schema = ON');
      db.prepare(`UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'sync_outbox'`).run(table.sql.replace(OUTBOX_TYPES_BEFORE, OUTBOX_TYPES_AFTER));
      // A new schema version makes every connection read the edited declaration.
      db.pragma(`schema_version = ${version + 1}`);
      db.pragma('writable_schema = OFF');
    } finally {
      db.unsafeMode(false);
    }
  },
} satisfies Migration;
