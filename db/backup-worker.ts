import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

// Runs one online backup on its own read connection, off the hall's event loop: the
// final flush of a large copy would otherwise freeze every counter for a second or more.
const { source, target } = workerData as { source: string; target: string };
const db = new Database(source, { readonly: true, fileMustExist: true });
db.backup(target).then(
  () => {
    db.close();
    parentPort?.postMessage({ ok: true });
  },
  (error: unknown) => {
    db.close();
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  },
);
