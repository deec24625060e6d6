import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { BACKUP_PACE, type BackupPace } from './backup-pace.ts';

// Runs one online backup on its own read connection, off the hall's event loop: the
// final flush of a large copy would otherwise freeze every counter for a second or more.
// The copy goes in steps of `pagesPerStep` pages with a pause after each, so its reads
// leave the disk to the counters' commits in between (issue: counters never stall); the
// pause blocks only this thread.
const { source, target, pace = BACKUP_PACE } = workerData as { source: string; target: string; pace?: BackupPace };
const db = new Database(source, { readonly: true, fileMustExist: true });
const sleeper = new Int32Array(new SharedArrayBuffer(4));
let steps = 0;
db.backup(target, {
  progress: () => {
    steps += 1;
    if (pace.pauseMs > 0) Atomics.wait(sleeper, 0, 0, pace.pauseMs);
    return pace.pagesPerStep;
  },
}).then(
  () => {
    db.close();
    parentPort?.postMessage({ ok: true, steps });
  },
  (error: unknown) => {
    db.close();
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  },
);
