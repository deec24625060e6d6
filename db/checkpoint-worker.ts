import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { runInBackground } from './background-priority.ts';
import { z } from 'zod';

// The hall's checkpoints, on their own connection in this thread (db/checkpointer.ts): a
// checkpoint copies WAL frames into the database file and fsyncs both, which must never
// happen on the hall's event loop. PASSIVE never waits for, nor blocks, the hall's writer.
const { file, everyMs, thresholdBytes } = z.object({ file: z.string(), everyMs: z.number(), thresholdBytes: z.number() }).parse(workerData);
// Checkpoints take what CPU the hall leaves (background-priority.ts).
runInBackground();
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
db.pragma('synchronous = NORMAL');
let checkpoints = 0;

const walBytes = (): number => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

const check = (force: boolean) => {
  if (!force && walBytes() < thresholdBytes) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    checkpoints += 1;
  } catch (error) {
    parentPort?.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

const timer = setInterval(() => check(false), everyMs);
parentPort?.on('message', (message: { kind: 'now' | 'stop' }) => {
  if (message.kind === 'now') {
    check(true);
    parentPort?.postMessage({ kind: 'done', checkpoints });
    return;
  }
  clearInterval(timer);
  db.close();
  parentPort?.postMessage({ kind: 'stopped', checkpoints });
  parentPort?.close();
});
