import { randomUUID } from 'node:crypto';
import { inTransaction } from '../../db/connection.ts';
import {
  addRunCounts,
  answerBatch,
  type BatchRecord,
  type BatchRow,
  batchRecords,
  createBatch,
  failStaleRuns,
  finishRun,
  getConnector,
  markBatchSent,
  noteBatchAttempt,
  openBatches,
  pendingCount,
  releaseLease,
  renewLease,
  type RunTrigger,
  startRun,
  takeLease,
} from '../../db/sync.ts';
import type { CoreDeps } from '../core/deps.ts';
import { hallDay } from '../../common/hall-time.ts';
import { hallTimeZone } from '../core/hall/time-zone.ts';
import { readHallCode } from '../core/sync/hall-code.ts';
import type { SyncProgressEvent } from '../core/sync/progress.ts';
import { applyUpdates } from './apply-updates.ts';
import type { Connector } from './connector.ts';
import { type BatchAnswer, batchBodyParts, MAX_BATCH_RECORDS, wireId } from './protocol.ts';
import { abortableSleep, defaultRetry, type RetryPolicy, withRetry } from './retry.ts';

export type SyncProgress = SyncProgressEvent;

export type SyncContext = {
  deps: CoreDeps;
  /** Builds the utility's connector (opening its secret). */
  connector: (utility: string) => Connector;
  retry?: RetryPolicy;
  /** This process, as the holder of a utility's run lease: "pid@host". */
  owner: string;
  /** Whether the process named by a lease owner is gone (it was killed mid-run). */
  isGone: (owner: string) => boolean;
  onProgress?: (progress: SyncProgress) => void;
  batchSize?: number;
  /** How often a progress event may go out, at most. */
  progressEveryMs?: number;
  /** HTTP batches written, sent and answered together (default 4). */
  inFlight?: number;
  /** Aborted when the process stops: backoff waits end at once and the run ends failed. */
  signal?: AbortSignal;
};

export type RunOutcome =
  | { state: 'succeeded' | 'failed'; runId: number; sent: number; accepted: number; rejected: number; updates: number; error: string | null }
  /** Another run holds the utility: `holder` is its process and machine (pid@host), `until` when its lease ends. */
  | { state: 'busy'; holder: string | null; until: string | null }
  | { state: 'not_configured' };

const LEASE_MS = 10 * 60_000;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * One sync of one utility: first the batches written earlier but never answered (resent with
 * the same id and records), then the queue, oldest first, a batch of at most 500 at a time —
 * each batch is written to the database before it is sent, and only the current batch is in
 * memory, so a week's backlog streams through in constant memory — then the utility's status
 * updates. One run per utility at a time, across processes (a lease in sync_connectors).
 */
export async function runUtilitySync(ctx: SyncContext, utility: string, trigger: RunTrigger): Promise<RunOutcome> {
  const { db, clock, logger } = ctx.deps;
  const row = getConnector(db, utility);
  if (!row || !row.enabled) return { state: 'not_configured' };
  const now = () => clock.now().toISOString();
  const leaseUntil = () => new Date(clock.now().getTime() + LEASE_MS).toISOString();
  const lease = takeLease(db, utility, ctx.owner, now(), leaseUntil(), ctx.isGone);
  if (!lease.taken) {
    const held = getConnector(db, utility);
    return { state: 'busy', holder: lease.previous ?? held?.leaseOwner ?? null, until: held?.leaseUntil ?? null };
  }
  if (lease.previous) failStaleRuns(db, utility, now(), `interrupted (${lease.previous})`);

  const runId = startRun(db, { utility, trigger, day: hallDay(clock.now(), hallTimeZone(db)), at: now() });
  const hall = readHallCode(db);
  const batchSize = Math.min(ctx.batchSize ?? MAX_BATCH_RECORDS, MAX_BATCH_RECORDS);
  const open = openBatches(db, utility);
  const progress: SyncProgress = {
    utility,
    runId,
    phase: 'sending',
    done: 0,
    total: pendingCount(db, utility) + open.reduce((n, b) => n + b.recordCount, 0),
    accepted: 0,
    rejected: 0,
    updates: 0,
    error: null,
    secondsLeft: null,
  };
  let sent = 0;
  // What the database holds as answered: the run's result. Progress shows answers as they arrive.
  const committed = { accepted: 0, rejected: 0 };
  const startedMs = performance.now();
  let lastEmit = 0;
  // Intervals, not dates: the monotonic clock.
  let lastRenew = performance.now();
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const emit = (force: boolean) => {
    if (!ctx.onProgress) return;
    const t = performance.now();
    const every = ctx.progressEveryMs ?? 250;
    if (!force && t - lastEmit < every) {
      // Held back, not dropped: the latest figures go out when the interval is up.
      trailing ??= setTimeout(
        () => {
          trailing = undefined;
          emit(true);
        },
        every - (t - lastEmit),
      );
      trailing.unref?.();
      return;
    }
    clearTimeout(trailing);
    trailing = undefined;
    lastEmit = t;
    // The pace so far tells the time left; records answered, not records handed to the network, count.
    const left = progress.total - progress.done;
    progress.secondsLeft = progress.phase === 'sending' && progress.done > 0 && left > 0 ? Math.ceil((((t - startedMs) / progress.done) * left) / 1000) : null;
    ctx.onProgress({ ...progress });
  };
  const keepLease = () => {
    if (performance.now() - lastRenew < 30_000) return;
    lastRenew = performance.now();
    renewLease(db, utility, ctx.owner, leaseUntil());
  };

  let connector: Connector | undefined;
  try {
    connector = ctx.connector(utility);
  } catch (error) {
    return finish('failed', message(error));
  }

  /** Records an answer, once; in the caller's transaction when there is one. */
  const record = (batch: BatchRow, seqOf: ReadonlyMap<string, number>, answer: BatchAnswer) => {
    const pick = (id: string) => seqOf.get(id);
    const count = seqOf.size;
    const outcome = inTransaction(db, () => {
      const answered = answerBatch(db, {
        batchId: batch.id,
        at: now(),
        accepted: answer.accepted.map(pick).filter((s) => s !== undefined),
        rejected: answer.rejected.flatMap((r) => {
          const seq = pick(r.id);
          return seq === undefined ? [] : [{ seq, reason: r.reason.slice(0, 1000) }];
        }),
      });
      if (answered) addRunCounts(db, runId, { sent: count, accepted: answered.accepted, rejected: answered.rejected });
      return answered;
    });
    if (!outcome) return; // answered before: a duplicated answer changes nothing
    committed.accepted += outcome.accepted;
    committed.rejected += outcome.rejected;
    sent += count;
  };

  /** An answer arrived: progress moves now, even while its round's commit waits for a slower batch. */
  const answered = (seqOf: ReadonlyMap<string, number>, answer: BatchAnswer) => {
    progress.done += seqOf.size;
    progress.accepted += answer.accepted.filter((id) => seqOf.has(id)).length;
    progress.rejected += answer.rejected.filter((r) => seqOf.has(r.id)).length;
    emit(false);
  };

  /**
   * Sends a batch (or, for a file drop made before, looks for its answer). What it then writes
   * goes through `write`: at once by default, or gathered into the round's one commit.
   */
  const deliver = async (batch: BatchRow, write: (work: () => void) => void = (work) => work()) => {
    let records: BatchRecord[] | undefined = batchRecords(db, batch.id);
    const count = records.length;
    if (count === 0) return;
    const seqOf = new Map(records.map((r) => [wireId(r.type, r.recordId), r.seq]));
    if (batch.sentAt && connector.collectAnswer) {
      // A file drop already made: only its answer is awaited.
      const answer = await connector.collectAnswer(batch.id);
      if (!answer) return;
      answered(seqOf, answer);
      write(() => record(batch, seqOf, answer));
      await connector.answerRecorded?.(batch.id);
      return;
    }
    const header = { hall, utility, batchId: batch.id, createdAt: batch.createdAt };
    const body = batchBodyParts(header, records);
    // The body holds what HTTP needs; the rows are let go while the request is out (a file drop writes them).
    const rows = connector.kind === 'folder' || connector.needsRecords ? records : [];
    // eslint-disable-next-line no-useless-assignment -- the assignment is the point: the rows can be collected while the request is out
    records = undefined;
    const result = await withRetry(
      () => connector.send(header, body, rows),
      ctx.retry ?? defaultRetry,
      (error, attempt, willRetry) => {
        noteBatchAttempt(db, batch.id, message(error));
        logger.warn({ utility, batchId: batch.id, attempt, willRetry, err: message(error) }, 'sync batch failed');
      },
      abortableSleep(ctx.signal),
    );
    if (result.kind === 'answer') {
      answered(seqOf, result.answer);
      write(() => record(batch, seqOf, result.answer));
    } else {
      write(() => {
        inTransaction(db, () => {
          markBatchSent(db, batch.id, now());
          addRunCounts(db, runId, { sent: count });
        });
        progress.done += count;
        sent += count;
      });
    }
  };

  function finish(state: 'succeeded' | 'failed', error: string | null): RunOutcome {
    connector?.close?.();
    finishRun(db, runId, { at: now(), state, error });
    releaseLease(db, utility, ctx.owner);
    progress.phase = state;
    progress.error = error;
    progress.accepted = committed.accepted;
    progress.rejected = committed.rejected;
    if (state === 'succeeded') progress.done = Math.max(sent, Math.min(progress.done, progress.total));
    emit(true);
    logger.info(
      { utility, runId, state, sent, accepted: progress.accepted, rejected: progress.rejected, updates: progress.updates, error },
      'sync run finished',
    );
    return { state, runId, sent, accepted: committed.accepted, rejected: committed.rejected, updates: progress.updates, error };
  }

  try {
    emit(true);
    for (const batch of open) {
      await deliver(batch);
      keepLease();
      emit(false);
    }
    // In rounds: a few batches are written in one commit, sent at once (the utility works on
    // one while the next is on the wire), and their answers recorded in one commit together
    // with the next round's batches. Every batch is in the database before it is sent; a
    // commit, with its disk sync, serves several batches.
    const perRound = connector.kind === 'http' ? Math.max(1, ctx.inFlight ?? 4) : 1;
    const createRound = (): BatchRow[] => {
      const round: BatchRow[] = [];
      for (let i = 0; i < perRound; i++) {
        const batch = createBatch(db, { id: randomUUID(), utility, runId, createdAt: now(), limit: batchSize });
        if (!batch) break;
        round.push(batch);
      }
      return round;
    };
    let round = inTransaction(db, createRound);
    while (round.length > 0) {
      const writes: (() => void)[] = [];
      const sentRound = await Promise.allSettled(round.map((batch) => deliver(batch, (work) => writes.push(work))));
      const failed = sentRound.find((r) => r.status === 'rejected');
      round = inTransaction(db, () => {
        for (const work of writes) work();
        return failed ? [] : createRound();
      });
      if (failed) throw failed.reason;
      keepLease();
      emit(false);
    }
    progress.phase = 'updates';
    emit(true);
    let cursor = getConnector(db, utility)?.updatesCursor ?? null;
    for (;;) {
      const page = await withRetry(
        () => connector.pullUpdates(cursor),
        ctx.retry ?? defaultRetry,
        (error, attempt, willRetry) => logger.warn({ utility, attempt, willRetry, err: message(error) }, 'sync updates failed'),
        abortableSleep(ctx.signal),
      );
      const { applied } = applyUpdates(ctx.deps, utility, page.cursor, page.updates, page.invalid);
      progress.updates += applied;
      addRunCounts(db, runId, { updates: applied });
      const moved = page.cursor !== cursor;
      cursor = page.cursor;
      if (page.updates.length + page.invalid.length === 0 || !moved) break;
      keepLease();
    }
    return finish('succeeded', null);
  } catch (error) {
    return finish('failed', message(error));
  }
}
