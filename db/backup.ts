import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from './connection.ts';
import { backupsToRemove, type Retention } from './backup-retention.ts';
import { type BackupKey, encryptBackupFile } from './backup-cipher.ts';
import { BACKUP_PACE, type BackupPace } from './backup-pace.ts';

const PREFIX = 'onewindow-';
const SUFFIX = '.db';
/** An encrypted copy (db/backup-cipher.ts) is the plain name with this added. */
export const ENCRYPTED_SUFFIX = '.enc';
/** A copy still being written; renamed to its day's name only once complete. */
const PARTIAL = '.partial';
/** The plain copy an encrypted backup is made from, in the data folder (never the backup folder, which may be a share). */
const PLAIN_TEMP = 'backup-in-progress-';

/** Scheduled backups are named by the hall day so "one a day" is a file-exists check. */
export function backupFileName(day: string): string {
  return `${PREFIX}${day}${SUFFIX}`;
}

/** A backup made by hand: its own series, which its own retention prunes (backup-retention.ts). */
export function manualBackupFileName(stamp: string): string {
  return `${PREFIX}manual-${stamp}${SUFFIX}`;
}

export const isEncryptedBackupName = (name: string): boolean => name.endsWith(ENCRYPTED_SUFFIX);

/** Whether the copy named `fileName` (plain name) is there, plain or encrypted. */
export const backupExists = (dir: string, fileName: string): boolean =>
  existsSync(join(dir, fileName)) || existsSync(join(dir, `${fileName}${ENCRYPTED_SUFFIX}`));

export async function listBackups(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => n.startsWith(PREFIX) && (n.endsWith(SUFFIX) || n.endsWith(`${SUFFIX}${ENCRYPTED_SUFFIX}`))).sort();
  } catch (error) {
    // A missing folder: no backups yet.
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
}

// The worker's own extension: .ts when run from source, .js once compiled for Electron.
const workerUrl = new URL(`./backup-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * Copies the database at `source` to `target` in a worker thread, in paced steps (backup-pace.ts);
 * resolves with the steps taken, how often writes made SQLite start over, and how often the copy
 * so far was forced to disk.
 */
export function backupInWorker(source: string, target: string, pace: BackupPace = BACKUP_PACE): Promise<{ steps: number; restarts: number; syncs: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: { source, target, pace } });
    worker.once('message', (message: { ok: boolean; message?: string; steps?: number; restarts?: number; syncs?: number }) => {
      if (message.ok) resolve({ steps: message.steps ?? 0, restarts: message.restarts ?? 0, syncs: message.syncs ?? 0 });
      else reject(new Error(`backup failed: ${message.message ?? 'unknown error'}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`backup worker exited with ${code}`));
    });
  });
}

// One copy at a time in this process: a scheduled and a manual copy never clean up each other's partial files.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Online backup through SQLite's backup API in a worker thread, so the hall keeps
 * working while pages are copied. The copy is written under a temporary name and
 * renamed when complete: a crash mid-copy never leaves a file that passes for the
 * day's backup. Then the retention of its own kind prunes that kind only: a manual
 * copy never removes a scheduled one, nor the other way round.
 *
 * With a `key`, the copy is made in the data folder (owner-only), encrypted into the backup
 * folder as `<fileName>.enc` and the plain copy removed: no plain copy ever reaches the
 * backup folder.
 */
export function backupDatabase(
  db: Db,
  options: { dir: string; fileName: string; retention: Retention; key?: BackupKey | undefined },
): Promise<{ file: string; removed: string[] }> {
  const run = queue.then(() => writeBackup(db, options));
  queue = run.catch(() => undefined);
  return run;
}

async function writeBackup(
  db: Db,
  options: { dir: string; fileName: string; retention: Retention; key?: BackupKey | undefined },
): Promise<{ file: string; removed: string[] }> {
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const file = join(options.dir, options.key ? `${options.fileName}${ENCRYPTED_SUFFIX}` : options.fileName);
  const dataDir = dirname(db.name);
  // Leftovers of a copy interrupted by a crash or power cut.
  for (const name of await readdir(options.dir)) if (name.includes(PARTIAL)) await rm(join(options.dir, name), { force: true });
  for (const name of await readdir(dataDir)) if (name.startsWith(PLAIN_TEMP)) await rm(join(dataDir, name), { force: true });
  const partial = `${file}${PARTIAL}`;
  if (options.key) {
    const plain = join(dataDir, `${PLAIN_TEMP}${options.fileName}`);
    try {
      await backupInWorker(db.name, plain);
      if (process.platform !== 'win32') await chmod(plain, 0o600);
      await encryptBackupFile(plain, partial, options.key);
    } finally {
      for (const suffix of ['', '-journal', '-wal', '-shm']) await rm(`${plain}${suffix}`, { force: true });
    }
  } else {
    await backupInWorker(db.name, partial);
  }
  // A copy of the citizens' data is the hall user's alone, like the database itself.
  if (process.platform !== 'win32') await chmod(partial, 0o600);
  await rename(partial, file);
  const removed = backupsToRemove(await listBackups(options.dir), options.retention);
  for (const name of removed) await rm(join(options.dir, name), { force: true });
  return { file, removed };
}
