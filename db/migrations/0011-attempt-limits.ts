import type { Migration } from './migration.ts';

/**
 * Failed attempts per source and per target for what can be guessed without a session — sign-in
 * and device pairing — kept in the database, so a restart does not hand an attacker a fresh
 * allowance and a burst is counted across requests (main/core/auth/attempt-limits.ts).
 * `scope` names what is limited ('login.source', 'pairing.source', 'pairing.code'), `key` the
 * address or code; a row is one window of failures.
 */
export const migration0011 = {
  version: 11,
  name: 'attempt-limits',
  up(db) {
    db.exec(`
      CREATE TABLE attempt_limits (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        failures INTEGER NOT NULL,
        window_start TEXT NOT NULL,
        blocked_until TEXT,
        PRIMARY KEY (scope, key)
      ) STRICT;
    `);
  },
} satisfies Migration;
