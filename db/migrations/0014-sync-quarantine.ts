import type { Migration } from './migration.ts';

/**
 * Status updates from a utility that the hall could not read (an unknown status, a missing
 * field): kept aside with why and where, so the valid updates behind them are applied and the
 * feed moves on, and the manager can take each up with the utility (main/sync/apply-updates.ts).
 */
export const migration0014 = {
  version: 14,
  name: 'sync-quarantine',
  up(db) {
    db.exec(`
      CREATE TABLE sync_quarantine (
        id INTEGER PRIMARY KEY,
        utility TEXT NOT NULL,
        received_at TEXT NOT NULL,
        -- The page it came in (its cursor) and its place there.
        page_cursor TEXT,
        position INTEGER NOT NULL,
        raw TEXT NOT NULL,
        problem TEXT NOT NULL CHECK (problem IN ('unknownStatus', 'missingField', 'invalid')),
        field TEXT
      ) STRICT;
      CREATE INDEX sync_quarantine_utility ON sync_quarantine(utility, id);
    `);
  },
} satisfies Migration;
