import { closeSync, fdatasyncSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { runInBackground } from './background-priority.ts';
import { BACKUP_PACE, type BackupPace } from './backup-pace.ts';
import { z } from 'zod';

// Runs one online backup on its own read connection, off the hall's event loop: the
// final flush of a large copy would otherwise freeze every counter for a second or more.
// The copy goes in steps of `pagesPerStep` pages with a pause after each, so its reads
// leave the disk to the counters' commits in between (issue: counters never stall); the
// pause blocks only this thread. Every `syncEveryPages` the copy so far is forced to disk,
// so the disk never holds much of it unwritten for a counter's fsync to wait behind.
const {
  source,
  target,
  pace = BACKUP_PACE,
} = z
  .object({
    source: z.string(),
    target: z.string(),
    pace: z.object({ pagesPerStep: z.number(), pauseMs: z.number(), syncEveryPages: z.number() }).optional(),
  })
  .parse(workerData) satisfies { pace?: BackupPace | undefined };
// The copy takes what CPU the hall leaves (background-priority.ts).
runInBackground();
const db = new Database(source, { readonly: true, fileMustExist: true });
// One read transaction for the whole copy: its steps all read the snapshot it began with, so the
// hall's commits meanwhile never make SQLite start the copy over (a WAL reader is never blocked).
db.exec('BEGIN');
db.prepare('SELECT count(*) FROM sqlite_schema').get();
let targetFd: number | undefined;
let unsynced = 0;
let syncs = 0;
const syncTarget = () => {
  targetFd ??= openSync(target, 'r+');
  fdatasyncSync(targetFd);
  syncs += 1;
  unsynced = 0;
};
const finish = () => {
  if (targetFd !== undefined) closeSync(targetFd);
  if (db.inTransaction) db.exec('COMMIT');
  db.close();
};
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const MAX_RESTARTS = 2;
let steps = 0;
let restarts = 0;
let lastRemaining = Number.POSITIVE_INFINITY;
db.backup(target, {
  progress: ({ totalPages, remainingPages }) => {
    steps += 1;
    // Without the read transaction above, SQLite would start the copy over whenever another
    // connection writes (the hall commits all day). Should it still happen, after two restarts
    // the rest is copied in one step — the worker's thread reads hard for a while, the hall's
    // event loop still never waits.
    if (remainingPages > lastRemaining) restarts += 1;
    unsynced += Math.max(0, lastRemaining === Number.POSITIVE_INFINITY ? totalPages - remainingPages : lastRemaining - remainingPages);
    lastRemaining = remainingPages;
    if (unsynced >= pace.syncEveryPages) syncTarget();
    if (restarts >= MAX_RESTARTS) return Math.max(totalPages, 1);
    if (pace.pauseMs > 0) Atomics.wait(sleeper, 0, 0, pace.pauseMs);
    return pace.pagesPerStep;
  },
}).then(
  () => {
    finish();
    parentPort?.postMessage({ ok: true, steps, restarts, syncs });
  },
  (error: unknown) => {
    finish();
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  },
);
