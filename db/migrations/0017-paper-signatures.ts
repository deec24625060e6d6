import type { Migration } from './migration.ts';

const SIGNED_BEFORE = `CHECK ((status = 'signed') = (image IS NOT NULL AND signed_at IS NOT NULL))`;
const SIGNED_AFTER = `CHECK ((status = 'signed') = (signed_at IS NOT NULL))`;

/**
 * A counter without a customer screen takes the customer's signature on paper: the clerk prints
 * the fee list (受理单), the customer signs it, and the clerk records that on the application.
 * - `kind`: 'screen' (signed on the counter's customer screen, image kept) or 'paper' (signed on
 *   the printed list, no image: the paper is the record). A screen signature still needs its
 *   image; only a paper one may be signed without.
 * - `recorded_by`: the staff member who recorded a paper signature (the audit log has it too).
 * The 0003 CHECK tied 'signed' to an image; SQLite cannot alter a CHECK and migrations only add,
 * so it is loosened in place as 0015 did for the outbox (every existing row satisfies the looser
 * one), and the image rule moves to the new column's CHECK, which covers screen signatures as before.
 */
export const migration0017 = {
  version: 17,
  name: 'paper-signatures',
  up(db) {
    const table = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'signature_requests'`).get() as { sql: string };
    if (!table.sql.includes(SIGNED_BEFORE)) throw new Error('migration 0017: signature_requests is not as migration 0003 left it');
    const version = Number(db.pragma('schema_version', { simple: true }));
    // better-sqlite3 opens connections in defensive mode, which forbids writing the schema table.
    db.unsafeMode(true);
    try {
      db.pragma('writable_schema = ON');
      db.prepare(`UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'signature_requests'`).run(table.sql.replace(SIGNED_BEFORE, SIGNED_AFTER));
      // A new schema version makes every connection read the edited declaration.
      db.pragma(`schema_version = ${version + 1}`);
      db.pragma('writable_schema = OFF');
    } finally {
      db.unsafeMode(false);
    }
    db.exec(`
      ALTER TABLE signature_requests ADD COLUMN kind TEXT NOT NULL DEFAULT 'screen'
        CHECK (kind IN ('screen', 'paper') AND (kind = 'paper' OR status <> 'signed' OR image IS NOT NULL));
      ALTER TABLE signature_requests ADD COLUMN recorded_by INTEGER REFERENCES staff(id);
    `);
  },
} satisfies Migration;
