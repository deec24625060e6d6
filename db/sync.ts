import type { Db, ReadDb } from './connection.ts';
// Prepared once per connection: the sync runs these thousands of times a night, and a
// statement prepared per call holds native memory until the garbage collector happens by,
// which a million-record backlog turned into hundreds of megabytes.
import { cached } from './statements.ts';
import { query, queryOne, querySingle, run, sql } from './sql.ts';
import type { Camel } from './camel-row.ts';
import type { Row } from './tables.ts';

/**
 * The sending side of the sync outbox (migration 0005): connectors, batches, runs and the
 * utilities' updates. Queuing is db/outbox.ts.
 */

// ---------------------------------------------------------------- connectors

export type ConnectorKind = 'http' | 'folder';

export type ConnectorRow = {
  utility: string;
  kind: ConnectorKind;
  enabled: boolean;
  baseUrl: string | null;
  outDir: string | null;
  replyDir: string | null;
  secretCipher: string | null;
  windowStart: string;
  windowEnd: string;
  updatesCursor: string | null;
  /** Who is running this utility's sync now ("pid@host"), and until when at most. */
  leaseOwner: string | null;
  leaseUntil: string | null;
  updatedAt: string;
};

const CONNECTOR_COLUMNS = sql`utility, kind, enabled, base_url AS baseUrl, out_dir AS outDir, reply_dir AS replyDir, secret_cipher AS secretCipher,
  window_start AS windowStart, window_end AS windowEnd, updates_cursor AS updatesCursor,
  lease_owner AS leaseOwner, lease_until AS leaseUntil, updated_at AS updatedAt`;

type RawConnector = Omit<ConnectorRow, 'enabled'> & { enabled: number };
const toConnector = (r: RawConnector): ConnectorRow => ({ ...r, enabled: r.enabled === 1 });

export function listConnectors(db: ReadDb): ConnectorRow[] {
  return query<RawConnector>(db, sql`SELECT ${CONNECTOR_COLUMNS} FROM sync_connectors ORDER BY utility`).map(toConnector);
}

export function getConnector(db: ReadDb, utility: string): ConnectorRow | undefined {
  const raw = queryOne<RawConnector>(db, sql`SELECT ${CONNECTOR_COLUMNS} FROM sync_connectors WHERE utility = ${utility}`);
  return raw && toConnector(raw);
}

/** Creates or replaces a utility's connector; `secretCipher: undefined` keeps the stored secret. */
export function saveConnector(
  db: Db,
  c: Omit<ConnectorRow, 'updatesCursor' | 'updatedAt' | 'secretCipher' | 'leaseOwner' | 'leaseUntil'> & {
    secretCipher: string | undefined;
    at: string;
    staffId: number | null;
  },
): void {
  run(
    db,
    sql`INSERT INTO sync_connectors (utility, kind, enabled, base_url, out_dir, reply_dir, secret_cipher, window_start, window_end, updated_at, updated_by)
     VALUES (${c.utility}, ${c.kind}, ${c.enabled ? 1 : 0}, ${c.baseUrl}, ${c.outDir}, ${c.replyDir}, ${c.secretCipher ?? null}, ${c.windowStart}, ${c.windowEnd}, ${c.at}, ${c.staffId})
     ON CONFLICT(utility) DO UPDATE SET kind = excluded.kind, enabled = excluded.enabled, base_url = excluded.base_url,
       out_dir = excluded.out_dir, reply_dir = excluded.reply_dir,
       secret_cipher = coalesce(excluded.secret_cipher, sync_connectors.secret_cipher),
       window_start = excluded.window_start, window_end = excluded.window_end, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
}

export function setUpdatesCursor(db: Db, utility: string, cursor: string | null): void {
  run(db, sql`UPDATE sync_connectors SET updates_cursor = ${cursor} WHERE utility = ${utility}`);
}

/**
 * Takes the utility's run lease when it is free, expired, already ours, or held by a process
 * `isGone` says is dead. Returns the previous owner when it was taken over from one.
 */
export function takeLease(
  db: Db,
  utility: string,
  owner: string,
  now: string,
  until: string,
  isGone: (owner: string) => boolean,
): { taken: boolean; previous: string | null } {
  return db
    .transaction(() => {
      const row = queryOne<{ owner: string | null; until: string | null }>(
        db,
        sql`SELECT lease_owner AS owner, lease_until AS until FROM sync_connectors WHERE utility = ${utility}`,
      );
      if (!row) return { taken: false, previous: null };
      const free = row.owner === null || row.owner === owner || row.until === null || row.until <= now || isGone(row.owner);
      if (!free) return { taken: false, previous: row.owner };
      run(db, sql`UPDATE sync_connectors SET lease_owner = ${owner}, lease_until = ${until} WHERE utility = ${utility}`);
      return { taken: true, previous: row.owner === owner ? null : row.owner };
    })
    .immediate();
}

export function renewLease(db: Db, utility: string, owner: string, until: string): void {
  run(db, sql`UPDATE sync_connectors SET lease_until = ${until} WHERE utility = ${utility} AND lease_owner = ${owner}`);
}

export function releaseLease(db: Db, utility: string, owner: string): void {
  run(db, sql`UPDATE sync_connectors SET lease_owner = NULL, lease_until = NULL WHERE utility = ${utility} AND lease_owner = ${owner}`);
}

// ---------------------------------------------------------------- outbox, read side

export type OutboxState = 'pending' | 'sending' | 'accepted' | 'rejected' | 'superseded';

export type OutboxRow = Camel<Omit<Row<'sync_outbox'>, 'personal_erased_at'>>;

const OUTBOX_COLUMNS = sql`seq, utility, type, record_id AS recordId, version, data, queued_at AS queuedAt, state, batch_id AS batchId, reason, answered_at AS answeredAt`;

/**
 * Records the utility has not accepted yet: those still waiting and those in a batch it has not
 * answered (a refused or unreachable run leaves them there). Never "0 waiting" while records
 * are out and unanswered. Counted from the pending index and the open batches' sizes.
 */
export function pendingCount(db: Db, utility: string): number {
  const waiting = querySingle<{ n: number }>(db, sql`SELECT count(*) AS n FROM sync_outbox WHERE utility = ${utility} AND state = 'pending'`).n;
  const sent = querySingle<{ n: number }>(
    db,
    sql`SELECT coalesce(sum(record_count), 0) AS n FROM sync_batches WHERE utility = ${utility} AND state = 'open'`,
  ).n;
  return waiting + sent;
}

export function rejectedCount(db: ReadDb, utility: string): number {
  return querySingle<{ n: number }>(db, sql`SELECT count(*) AS n FROM sync_outbox WHERE utility = ${utility} AND state = 'rejected'`).n;
}

/** Utilities that have anything in the outbox, whether or not they have a connector yet. */
export function outboxUtilities(db: ReadDb): string[] {
  // A skip-scan over the pending index would be nicer; DISTINCT over the primary table is fine at hall sizes.
  return query<{ utility: string }>(db, sql`SELECT DISTINCT utility FROM sync_outbox ORDER BY utility`).map((r) => r.utility);
}

export function getOutboxRow(db: ReadDb, seq: number): OutboxRow | undefined {
  return queryOne<OutboxRow>(db, sql`SELECT ${OUTBOX_COLUMNS} FROM sync_outbox WHERE seq = ${seq}`);
}

export function listRejected(db: ReadDb, utility: string, limit: number, afterSeq: number): OutboxRow[] {
  return query<OutboxRow>(
    db,
    sql`SELECT ${OUTBOX_COLUMNS} FROM sync_outbox WHERE utility = ${utility} AND state = 'rejected' AND seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`,
  );
}

// ---------------------------------------------------------------- batches

export type BatchRow = {
  id: string;
  utility: string;
  runId: number | null;
  createdAt: string;
  recordCount: number;
  state: 'open' | 'answered';
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
};

const BATCH_COLUMNS = sql`id, utility, run_id AS runId, created_at AS createdAt, record_count AS recordCount, state, sent_at AS sentAt, attempts, last_error AS lastError`;

/**
 * Puts the next `limit` pending records (oldest first) into a new batch and writes the batch,
 * in one transaction, BEFORE anything is sent: from here on these records go out under this
 * batch id only, however often it has to be resent. Returns undefined when nothing is pending.
 */
export function createBatch(db: Db, b: { id: string; utility: string; runId: number | null; createdAt: string; limit: number }): BatchRow | undefined {
  return db
    .transaction(() => {
      const marked = run(
        db,
        sql`UPDATE sync_outbox SET state = 'sending', batch_id = ${b.id}
           WHERE seq IN (SELECT seq FROM sync_outbox WHERE utility = ${b.utility} AND state = 'pending' ORDER BY seq LIMIT ${b.limit})`,
      ).changes;
      if (marked === 0) return undefined;
      run(
        db,
        sql`INSERT INTO sync_batches (id, utility, run_id, created_at, record_count) VALUES (${b.id}, ${b.utility}, ${b.runId}, ${b.createdAt}, ${marked})`,
      );
      return getBatch(db, b.id);
    })
    .immediate();
}

export function getBatch(db: ReadDb, id: string): BatchRow | undefined {
  return queryOne<BatchRow>(db, sql`SELECT ${BATCH_COLUMNS} FROM sync_batches WHERE id = ${id}`);
}

/** Batches written but not yet answered, oldest first: they are resent before anything new. */
export function openBatches(db: Db, utility: string): BatchRow[] {
  return query<BatchRow>(db, sql`SELECT ${BATCH_COLUMNS} FROM sync_batches WHERE utility = ${utility} AND state = 'open' ORDER BY created_at, rowid`);
}

export type BatchRecord = Pick<OutboxRow, 'seq' | 'type' | 'recordId' | 'version' | 'data'>;

/** A batch's records in the order they were first sent, so a resend is the same batch. */
export function batchRecords(db: Db, batchId: string): BatchRecord[] {
  return query<BatchRecord>(
    db,
    sql`SELECT seq, type, record_id AS recordId, version, data FROM sync_outbox WHERE batch_id = ${batchId} AND state = 'sending' ORDER BY seq`,
  );
}

export function noteBatchAttempt(db: Db, batchId: string, error: string | null): void {
  run(db, sql`UPDATE sync_batches SET attempts = attempts + 1, last_error = ${error} WHERE id = ${batchId}`);
}

export function markBatchSent(db: Db, batchId: string, at: string): void {
  run(db, sql`UPDATE sync_batches SET sent_at = coalesce(sent_at, ${at}) WHERE id = ${batchId}`);
}

export type BatchOutcome = { accepted: number; rejected: number; returned: number };

/**
 * Records the utility's answer to a batch, once: an answer to a batch already answered (a
 * duplicated answer) changes nothing. `accepted` and `rejected` hold outbox seqs of this
 * batch's records; a record
 * named in both counts as rejected, so the manager sees it. A record the answer does not
 * mention goes back to the queue for a later batch.
 */
export function answerBatch(
  db: Db,
  a: { batchId: string; at: string; accepted: readonly number[]; rejected: readonly { seq: number; reason: string }[] },
): BatchOutcome | undefined {
  return db
    .transaction(() => {
      const batch = queryOne<{ state: string }>(db, sql`SELECT state FROM sync_batches WHERE id = ${a.batchId}`);
      if (!batch || batch.state !== 'open') return undefined;
      const reject = cached(db, `UPDATE sync_outbox SET state = 'rejected', reason = ?, answered_at = ? WHERE seq = ? AND batch_id = ? AND state = 'sending'`);
      let rejected = 0;
      for (const r of a.rejected) rejected += reject.run(r.reason, a.at, r.seq, a.batchId).changes;
      const left = querySingle<{ n: number }>(db, sql`SELECT count(*) AS n FROM sync_outbox WHERE batch_id = ${a.batchId} AND state = 'sending'`).n;
      let accepted = 0;
      const rejectedSeqs = new Set(a.rejected.map((r) => r.seq));
      if (new Set(a.accepted.filter((seq) => !rejectedSeqs.has(seq))).size >= left) {
        // The usual answer, everything taken: one statement instead of one per record.
        accepted = run(db, sql`UPDATE sync_outbox SET state = 'accepted', answered_at = ${a.at} WHERE batch_id = ${a.batchId} AND state = 'sending'`).changes;
      } else {
        const accept = cached(db, `UPDATE sync_outbox SET state = 'accepted', answered_at = ? WHERE seq = ? AND batch_id = ? AND state = 'sending'`);
        for (const seq of a.accepted) accepted += accept.run(a.at, seq, a.batchId).changes;
      }
      const returned = run(db, sql`UPDATE sync_outbox SET state = 'pending', batch_id = NULL WHERE batch_id = ${a.batchId} AND state = 'sending'`).changes;
      run(
        db,
        sql`UPDATE sync_batches SET state = 'answered', answered_at = ${a.at}, accepted = ${accepted}, rejected = ${rejected}, last_error = NULL, sent_at = coalesce(sent_at, ${a.at}) WHERE id = ${a.batchId}`,
      );
      return { accepted, rejected, returned };
    })
    .immediate();
}

// ---------------------------------------------------------------- runs

export type RunTrigger = 'schedule' | 'catchup' | 'manual' | 'cli';
export type RunState = 'running' | 'succeeded' | 'failed';

export type RunRow = {
  id: number;
  utility: string;
  trigger: RunTrigger;
  day: string;
  startedAt: string;
  finishedAt: string | null;
  state: RunState;
  sent: number;
  accepted: number;
  rejected: number;
  updates: number;
  error: string | null;
};

const RUN_COLUMNS = sql`id, utility, trigger, day, started_at AS startedAt, finished_at AS finishedAt, state, sent, accepted, rejected, updates, error`;

export function startRun(db: Db, r: { utility: string; trigger: RunTrigger; day: string; at: string }): number {
  return Number(run(db, sql`INSERT INTO sync_runs (utility, trigger, day, started_at) VALUES (${r.utility}, ${r.trigger}, ${r.day}, ${r.at})`).lastInsertRowid);
}

export function addRunCounts(db: Db, id: number, c: { sent?: number; accepted?: number; rejected?: number; updates?: number }): void {
  run(
    db,
    sql`UPDATE sync_runs SET sent = sent + ${c.sent ?? 0}, accepted = accepted + ${c.accepted ?? 0}, rejected = rejected + ${c.rejected ?? 0}, updates = updates + ${c.updates ?? 0} WHERE id = ${id}`,
  );
}

export function finishRun(db: Db, id: number, f: { at: string; state: 'succeeded' | 'failed'; error: string | null }): void {
  run(db, sql`UPDATE sync_runs SET finished_at = ${f.at}, state = ${f.state}, error = ${f.error} WHERE id = ${id}`);
}

/** Runs left 'running' by a process that died: they failed. */
export function failStaleRuns(db: Db, utility: string, at: string, error: string): void {
  run(db, sql`UPDATE sync_runs SET finished_at = ${at}, state = 'failed', error = ${error} WHERE utility = ${utility} AND state = 'running'`);
}

export function listRuns(db: ReadDb, utility: string, limit: number): RunRow[] {
  return query<RunRow>(db, sql`SELECT ${RUN_COLUMNS} FROM sync_runs WHERE utility = ${utility} ORDER BY started_at DESC, id DESC LIMIT ${limit}`);
}

export function lastRun(db: ReadDb, utility: string, state?: RunState): RunRow | undefined {
  return state === undefined
    ? queryOne<RunRow>(db, sql`SELECT ${RUN_COLUMNS} FROM sync_runs WHERE utility = ${utility} ORDER BY started_at DESC, id DESC LIMIT 1`)
    : queryOne<RunRow>(db, sql`SELECT ${RUN_COLUMNS} FROM sync_runs WHERE utility = ${utility} AND state = ${state} ORDER BY started_at DESC, id DESC LIMIT 1`);
}

/** Failed runs since the last success (what the manager must look at). */
export function failuresSinceSuccess(db: ReadDb, utility: string): number {
  return querySingle<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM sync_runs WHERE utility = ${utility} AND state = 'failed'
         AND started_at > coalesce((SELECT max(started_at) FROM sync_runs WHERE utility = ${utility} AND state = 'succeeded'), '')`,
  ).n;
}

export function runsOfDay(db: ReadDb, day: string): RunRow[] {
  return query<RunRow>(db, sql`SELECT ${RUN_COLUMNS} FROM sync_runs WHERE day = ${day} ORDER BY utility, started_at`);
}

// ---------------------------------------------------------------- updates from utilities

export type UpdateStatus = 'taken' | 'in_progress' | 'completed' | 'returned';
export type UpdateResult = 'applied' | 'noted' | 'ignored' | 'unknown';

/** Records an update once; false when the same update was already received (a repeated answer). */
export function recordUpdate(
  db: Db,
  u: { utility: string; workOrderId: number; status: UpdateStatus; at: string; note: string | null; receivedAt: string; result: UpdateResult },
): boolean {
  return (
    run(
      db,
      sql`INSERT INTO sync_updates (utility, work_order_id, status, at, note, received_at, result) VALUES (${u.utility}, ${u.workOrderId}, ${u.status}, ${u.at}, ${u.note}, ${u.receivedAt}, ${u.result})
         ON CONFLICT (utility, work_order_id, status, at) DO NOTHING`,
    ).changes === 1
  );
}

export function updateSeen(db: Db, u: { utility: string; workOrderId: number; status: UpdateStatus; at: string }): boolean {
  return (
    queryOne<{ 1: number }>(
      db,
      sql`SELECT 1 FROM sync_updates WHERE utility = ${u.utility} AND work_order_id = ${u.workOrderId} AND status = ${u.status} AND at = ${u.at}`,
    ) !== undefined
  );
}

export type WorkOrderUpdateRow = { utility: string; status: UpdateStatus; at: string; note: string | null };

/** The utilities' updates applied to an application's work orders: their own time and note. */
export function appliedUpdatesOfApplication(db: ReadDb, applicationId: number): (WorkOrderUpdateRow & { workOrderId: number })[] {
  return query<WorkOrderUpdateRow & { workOrderId: number }>(
    db,
    sql`SELECT u.work_order_id AS workOrderId, u.utility, u.status, u.at, u.note FROM sync_updates u JOIN work_orders w ON w.id = u.work_order_id
      WHERE w.application_id = ${applicationId} AND u.result IN ('applied', 'noted') ORDER BY u.id`,
  );
}

// ---------------------------------------------------------------- updates the hall could not read

export type QuarantinedUpdate = {
  id: number;
  utility: string;
  receivedAt: string;
  pageCursor: string | null;
  position: number;
  raw: string;
  problem: 'unknownStatus' | 'missingField' | 'invalid';
  field: string | null;
};

export function quarantineUpdate(db: Db, q: Omit<QuarantinedUpdate, 'id'>): void {
  run(
    db,
    sql`INSERT INTO sync_quarantine (utility, received_at, page_cursor, position, raw, problem, field) VALUES (${q.utility}, ${q.receivedAt}, ${q.pageCursor}, ${q.position}, ${q.raw}, ${q.problem}, ${q.field})`,
  );
}

export function listQuarantined(db: ReadDb, utility: string, limit: number): QuarantinedUpdate[] {
  return query<QuarantinedUpdate>(
    db,
    sql`SELECT id, utility, received_at AS receivedAt, page_cursor AS pageCursor, position, raw, problem, field FROM sync_quarantine WHERE utility = ${utility} ORDER BY id DESC LIMIT ${limit}`,
  );
}
