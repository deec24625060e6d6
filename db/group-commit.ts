import { closeSync, fdatasync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { batchTransactions, type Db } from './connection.ts';

/**
 * Durable commits without the disk on the event loop (issue: counters never stall).
 *
 * With synchronous=FULL every commit fsyncs the WAL on the hall's event loop: on a quiet
 * disk 0.3 ms, but when anything else writes to the disk one fsync takes up to a second and
 * every counter, board and kiosk waits behind it. Instead the hall's connection commits with
 * synchronous=NORMAL (the WAL is written to the OS, not yet forced to the disk) and the WAL
 * file is fsynced on libuv's thread pool (fdatasync: its data and its size, all a WAL commit
 * needs, as SQLite itself syncs on Linux); a request is answered only once an fsync that began
 * after its commit has finished (`flush`). Commits made while one fsync runs share the next
 * one (group commit), so a burst of tickets costs a few fsyncs, not one each.
 *
 * Why this is as durable as FULL for what was acknowledged: in WAL mode a commit is frames
 * appended to the -wal file; once that file is fsynced they survive a power cut, and SQLite's
 * recovery reads them back. NORMAL syncs the WAL before each checkpoint and the database after
 * it, so a WAL is never reset before its frames are safe in the database file. A process crash
 * (SIGKILL) loses nothing either way: the OS still holds what was written.
 *
 * Commits are grouped too, not only their fsyncs: the first transaction of a turn of the event
 * loop opens one SQLite transaction and every request handled in the same turn runs inside it
 * as a savepoint (inTransaction); it commits once, at setImmediate. A ticket's commit wrote its
 * table and index pages to the WAL each time (a fifth of the hall's CPU per ticket at 1,700
 * tickets a second); a turn's tickets now write them once. A request that fails undoes only
 * its savepoint; a batch that cannot commit fails every request in it (`flush` rejects), so no
 * answer says a record was kept that was not.
 *
 * Automatic checkpoints are off on this connection (they would fsync the database on the event
 * loop): the checkpointer worker does them (checkpointer.ts).
 */
export type GroupCommit = {
  /** Resolves once everything this connection has changed so far is on disk. */
  flush: () => Promise<void>;
  /** How many fsyncs ran and how many flushes they served; how many batches committed (for the bench and tests). */
  stats: () => { fsyncs: number; flushes: number; batches: number };
  /** Waits for the fsync in flight and lets go of the WAL file. */
  close: () => Promise<void>;
};

export function enableGroupCommit(db: Db): GroupCommit {
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  // After a checkpoint the WAL starts over from its beginning; a larger file is cut back to this.
  db.pragma('journal_size_limit = 67108864');
  const changes = db.prepare('SELECT total_changes()').pluck();
  const totalChanges = (): number => Number(changes.get());
  const walFile = `${db.name}-wal`;

  let fd: number | undefined;
  let synced = totalChanges();
  let inFlight: Promise<void> | undefined;
  let waiters: { upTo: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  let fsyncs = 0;
  let flushes = 0;
  let batches = 0;
  type Batch = { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void };
  let batch: Batch | undefined;

  const commitBatch = (): void => {
    const current = batch;
    if (!current) return;
    batch = undefined;
    if (!db.inTransaction) {
      // SQLite rolled the whole transaction back (a disk error inside a statement): nothing of the turn was kept.
      current.reject(new Error('the batched transaction was rolled back before it could commit'));
      return;
    }
    try {
      db.exec('COMMIT');
      batches += 1;
      current.resolve();
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      current.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const openBatch = (): void => {
    // Rolled back under the turn's requests: those fail, and this one starts a new batch.
    if (batch && !db.inTransaction) commitBatch();
    // Inside the open batch, or inside a transaction someone began on their own: join it.
    if (db.inTransaction) return;
    db.exec('BEGIN IMMEDIATE');
    // The executor runs at once: both are the promise's own before the batch is made.
    let resolve = (): void => undefined;
    let reject = (_error: Error): void => undefined;
    const promise = new Promise<void>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    // A batch nobody waits on (a write outside a request) must not end the process when it fails.
    promise.catch(() => undefined);
    batch = { promise, resolve, reject };
    setImmediate(commitBatch);
  };
  batchTransactions(db, openBatch);

  const walFd = (): number => {
    if (fd !== undefined) return fd;
    // r+: Windows' FlushFileBuffers needs a handle that may write (nothing is written through it).
    fd = openSync(walFile, 'r+');
    // The WAL's directory entry must be durable too, once (not possible, nor needed, on Windows).
    if (process.platform !== 'win32') {
      const dir = openSync(dirname(walFile), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    }
    return fd;
  };

  const run = (): void => {
    if (inFlight || waiters.length === 0) return;
    const upTo = totalChanges();
    let handle: number;
    try {
      handle = walFd();
    } catch (error) {
      const failed = waiters;
      waiters = [];
      for (const w of failed) w.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    fsyncs += 1;
    inFlight = new Promise<void>((done) => {
      fdatasync(handle, (error) => {
        inFlight = undefined;
        const served = waiters.filter((w) => w.upTo <= upTo);
        waiters = waiters.filter((w) => w.upTo > upTo);
        if (error) for (const w of served) w.reject(error);
        else {
          synced = Math.max(synced, upTo);
          for (const w of served) w.resolve();
        }
        done();
        // Commits made while this fsync ran wait for the next one.
        run();
      });
    });
  };

  const flush = (): Promise<void> => {
    // The turn's batch commits first; what it wrote is then forced to disk like any commit.
    if (batch) return batch.promise.then(flush);
    const upTo = totalChanges();
    if (upTo <= synced) return Promise.resolve();
    flushes += 1;
    return new Promise<void>((resolve, reject) => {
      waiters.push({ upTo, resolve, reject });
      run();
    });
  };

  return {
    flush,
    stats: () => ({ fsyncs, flushes, batches }),
    async close() {
      // What the last turn wrote is committed before the connection closes.
      commitBatch();
      batchTransactions(db, undefined);
      await inFlight;
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
