import type { Migration } from './migration.ts';

/** Staff, sessions, paired devices, counters, hall settings and the audit log. */
export const migration0001 = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        work_no TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        roles TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE counters (
        id INTEGER PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE,
        name TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('closed', 'open', 'paused')),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE devices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('kiosk', 'display', 'rate')),
        counter_id INTEGER REFERENCES counters(id),
        paired_at TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT;

      CREATE TABLE pairing_codes (
        code_hash TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('kiosk', 'display', 'rate')),
        name TEXT NOT NULL,
        counter_id INTEGER REFERENCES counters(id),
        issued_by INTEGER NOT NULL REFERENCES staff(id),
        expires_at TEXT NOT NULL,
        used_at TEXT
      ) STRICT;

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id INTEGER REFERENCES staff(id),
        device_id INTEGER REFERENCES devices(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        CHECK ((staff_id IS NULL) <> (device_id IS NULL))
      ) STRICT;
      CREATE INDEX sessions_expires ON sessions(expires_at);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_staff_id INTEGER REFERENCES staff(id),
        action TEXT NOT NULL,
        target TEXT,
        before_json TEXT,
        after_json TEXT
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log(at);
    `);
  },
} satisfies Migration;
