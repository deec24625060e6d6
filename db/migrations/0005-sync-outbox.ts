import type { Migration } from './migration.ts';

/**
 * The nightly sync to each utility (docs/sync-protocol.md):
 * - `sync_outbox`: every record version queued for one utility, written in the same
 *   transaction as the record itself (db/outbox.ts). `seq` is the order it goes out in.
 * - `sync_batches`: a batch is written here, and its records marked with its id, BEFORE it is
 *   sent, so a batch interrupted anywhere (dropped connection, timeout, 5xx, the process killed)
 *   is resent with the same id and the same records, and the utility can drop the repeat.
 * - `sync_connectors`: how to reach each utility (HTTP or a folder), its nightly window and
 *   the encrypted shared secret (the key lives outside the database, in the data folder).
 * - `sync_runs`: one row per run, for the manager's history and the daily report.
 * - `sync_updates`: every status update a utility sent back, kept once (a repeated answer is
 *   recognised), with what it did to the work order.
 */
export const migration0005 = {
  version: 5,
  name: 'sync-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE sync_outbox (
        seq INTEGER PRIMARY KEY,
        utility TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('workOrder', 'rating', 'complaint', 'followUp')),
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        data TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        -- pending → sending (in a persisted batch) → accepted | rejected; pending or rejected
        -- → superseded when a newer version of the record is queued.
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'accepted', 'rejected', 'superseded')),
        batch_id TEXT,
        reason TEXT,
        answered_at TEXT,
        CHECK ((state = 'pending') = (batch_id IS NULL) OR state = 'superseded'),
        UNIQUE (utility, type, record_id, version)
      ) STRICT;
      CREATE INDEX sync_outbox_pending ON sync_outbox(utility, seq) WHERE state = 'pending';
      CREATE INDEX sync_outbox_batch ON sync_outbox(batch_id) WHERE batch_id IS NOT NULL;
      CREATE INDEX sync_outbox_rejected ON sync_outbox(utility, seq) WHERE state = 'rejected';

      CREATE TABLE sync_batches (
        id TEXT PRIMARY KEY,
        utility TEXT NOT NULL,
        run_id INTEGER,
        created_at TEXT NOT NULL,
        record_count INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'answered')),
        -- A folder drop is sent once it is written; an HTTP batch counts as sent only when answered.
        sent_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        answered_at TEXT,
        accepted INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX sync_batches_open ON sync_batches(utility, created_at) WHERE state = 'open';

      CREATE TABLE sync_connectors (
        utility TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('http', 'folder')),
        enabled INTEGER NOT NULL DEFAULT 1,
        base_url TEXT,
        out_dir TEXT,
        reply_dir TEXT,
        -- AES-256-GCM or the OS keychain (safeStorage); never the secret in clear.
        secret_cipher TEXT,
        window_start TEXT NOT NULL DEFAULT '01:00',
        window_end TEXT NOT NULL DEFAULT '05:00',
        updates_cursor TEXT,
        -- One run per utility at a time, across processes (the hall server and \`npm run sync\`):
        -- the holder's "pid@host"; a holder that is gone (killed) is taken over.
        lease_owner TEXT,
        lease_until TEXT,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES staff(id),
        CHECK (kind <> 'http' OR base_url IS NOT NULL),
        CHECK (kind <> 'folder' OR (out_dir IS NOT NULL AND reply_dir IS NOT NULL))
      ) STRICT;

      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY,
        utility TEXT NOT NULL,
        trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'catchup', 'manual', 'cli')),
        day TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        state TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'succeeded', 'failed')),
        sent INTEGER NOT NULL DEFAULT 0,
        accepted INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        updates INTEGER NOT NULL DEFAULT 0,
        error TEXT
      ) STRICT;
      CREATE INDEX sync_runs_utility ON sync_runs(utility, started_at);
      CREATE INDEX sync_runs_day ON sync_runs(day);

      CREATE TABLE sync_updates (
        id INTEGER PRIMARY KEY,
        utility TEXT NOT NULL,
        work_order_id INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('taken', 'in_progress', 'completed', 'returned')),
        at TEXT NOT NULL,
        note TEXT,
        received_at TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('applied', 'noted', 'ignored', 'unknown')),
        UNIQUE (utility, work_order_id, status, at)
      ) STRICT;
      CREATE INDEX sync_updates_work_order ON sync_updates(work_order_id);
    `);
  },
} satisfies Migration;
