import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { BACKUP_PACE, type BackupPace } from './backup-pace.ts';
import { z } from 'zod';

// Runs one online backup on its own read connection, off the hall's event loop: the
// final flush of a large copy would otherwise freeze every counter for a second or more.
// The copy goes in steps of `pagesPerStep` pages with a pause after each, so its reads
// leave the disk to the counters' commits in between (issue: counters never stall); the
// pause blocks only this thread.
const {
  source,
  target,
  pace = BACKUP_PACE,
} = z
  .object({ source: z.string(), target: z.string(), pace: z.object({ pagesPerStep: z.number(), pauseMs: z.number() }).optional() })
  .parse(workerData) satisfies { pace?: BackupPace | undefined };
const db = new Database(source, { readonly: true, fileMustExist: true });
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const MAX_RESTARTS = 2;
let steps = 0;
let restarts = 0;
let lastRemaining = Number.POSITIVE_INFINITY;
db.backup(target, {
  progress: ({ totalPages, remainingPages }) => {
    steps += 1;
    // SQLite starts a stepped backup over whenever another connection writes to the database
    // (the hall commits all day): under steady traffic it would never end. After two restarts
    // the rest is copied in one step, on one read snapshot — the worker's thread reads hard for
    // a while, the hall's event loop still never waits.
    if (remainingPages > lastRemaining) restarts += 1;
    lastRemaining = remainingPages;
    if (restarts >= MAX_RESTARTS) return Math.max(totalPages, 1);
    if (pace.pauseMs > 0) Atomics.wait(sleeper, 0, 0, pace.pauseMs);
    return pace.pagesPerStep;
  },
}).then(
  () => {
    db.close();
    parentPort?.postMessage({ ok: true, steps, restarts });
  },
  (error: unknown) => {
    db.close();
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  },
);
