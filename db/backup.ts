import { chmod, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from './connection.ts';
import { backupsToRemove, type Retention } from './backup-retention.ts';

const PREFIX = 'onewindow-';
const SUFFIX = '.db';
/** A copy still being written; renamed to its day's name only once complete. */
const PARTIAL = '.partial';

/** Scheduled backups are named by the hall day so "one a day" is a file-exists check. */
export function backupFileName(day: string): string {
  return `${PREFIX}${day}${SUFFIX}`;
}

/** A backup made by hand: its own series, which its own retention prunes (backup-retention.ts). */
export function manualBackupFileName(stamp: string): string {
  return `${PREFIX}manual-${stamp}${SUFFIX}`;
}

export async function listBackups(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => n.startsWith(PREFIX) && n.endsWith(SUFFIX)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

// The worker's own extension: .ts when run from source, .js once compiled for Electron.
const workerUrl = new URL(`./backup-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

function backupInWorker(source: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: { source, target } });
    worker.once('message', (message: { ok: boolean; message?: string }) => {
      if (message.ok) resolve();
      else reject(new Error(`backup failed: ${message.message ?? 'unknown error'}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`backup worker exited with ${code}`));
    });
  });
}

/**
 * Online backup through SQLite's backup API in a worker thread, so the hall keeps
 * working while pages are copied. The copy is written under a temporary name and
 * renamed when complete: a crash mid-copy never leaves a file that passes for the
 * day's backup. Then the retention of its own kind prunes that kind only: a manual
 * copy never removes a scheduled one, nor the other way round.
 */
export async function backupDatabase(
  db: Db,
  options: { dir: string; fileName: string; retention: Retention },
): Promise<{ file: string; removed: string[] }> {
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const file = join(options.dir, options.fileName);
  // Leftovers of a copy interrupted by a crash or power cut.
  for (const name of await readdir(options.dir)) if (name.includes(PARTIAL)) await rm(join(options.dir, name), { force: true });
  const partial = `${file}${PARTIAL}`;
  await backupInWorker(db.name, partial);
  // A copy of the citizens' data is the hall user's alone, like the database itself.
  if (process.platform !== 'win32') await chmod(partial, 0o600);
  await rename(partial, file);
  const removed = backupsToRemove(await listBackups(options.dir), options.retention);
  for (const name of removed) await rm(join(options.dir, name), { force: true });
  return { file, removed };
}
