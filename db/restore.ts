import { copyFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { latestVersion } from './migrate.ts';
import { query, sql } from './sql.ts';

/**
 * Restoring a backup without ever running on a half-replaced database:
 *
 * 1. `checkBackup` opens the chosen copy read-only and refuses it unless SQLite's integrity
 *    check passes, its schema version is one this app knows (1..latest: an older one is
 *    migrated on start), and it holds the hall's core tables.
 * 2. `stageRestore` copies it beside the live database as `restore-pending.db` (through a
 *    temporary name, so a crash never leaves a half-copied pending file) with a note of what
 *    and who; the hall keeps running on the live database meanwhile.
 * 3. `applyPendingRestore` runs at the next start, BEFORE any connection opens: it checks the
 *    pending copy again, moves the live database (with its -wal and -shm) aside as
 *    `pre-restore-<time>.db`, and renames the copy into place. Nothing is deleted: the database
 *    replaced is kept, so a wrong restore can itself be undone.
 */

export type BackupCheck = { ok: true; schemaVersion: number } | { ok: false; reason: 'unreadable' | 'corrupt' | 'too_new' | 'not_a_hall' };

const REQUIRED_TABLES = ['settings', 'staff', 'audit_log'];

export function checkBackup(file: string): BackupCheck {
  // Backups are WAL-mode files: a read-only look leaves an empty -wal and a -shm behind,
  // which would then travel with the file. Remove what the look itself created.
  const leftovers = ['-wal', '-shm'].map((suffix) => `${file}${suffix}`).filter((f) => !existsSync(f));
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { ok: false, reason: 'corrupt' };
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > latestVersion()) return { ok: false, reason: 'too_new' };
    const tables = new Set(query<{ name: string }>(db, sql`SELECT name FROM sqlite_schema WHERE type = 'table'`).map((t) => t.name));
    if (version < 1 || REQUIRED_TABLES.some((t) => !tables.has(t))) return { ok: false, reason: 'not_a_hall' };
    return { ok: true, schemaVersion: version };
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    db?.close();
    const wal = `${file}-wal`;
    if (leftovers.includes(wal) && existsSync(wal) && statSync(wal).size === 0) for (const f of leftovers) rmSync(f, { force: true });
  }
}

export type PendingRestore = { backup: string; stagedAt: string; stagedBy: number | null; schemaVersion: number };
const pendingRestoreSchema = z.object({
  backup: z.string(),
  stagedAt: z.string(),
  stagedBy: z.number().nullable(),
  schemaVersion: z.number(),
}) satisfies z.ZodType<PendingRestore>;

const pendingFile = (databaseFile: string) => join(dirname(databaseFile), 'restore-pending.db');
const noteFile = (databaseFile: string) => join(dirname(databaseFile), 'restore-pending.json');

export async function readPendingRestore(databaseFile: string): Promise<PendingRestore | undefined> {
  if (!existsSync(pendingFile(databaseFile))) return undefined;
  try {
    return pendingRestoreSchema.parse(JSON.parse(await readFile(noteFile(databaseFile), 'utf8')));
  } catch {
    return undefined;
  }
}

/** `name` is the backup the note records: an encrypted one is staged from its decrypted copy. */
export async function stageRestore(
  databaseFile: string,
  backupFile: string,
  by: { at: string; staffId: number | null },
  name: string = basename(backupFile),
): Promise<PendingRestore | BackupCheck> {
  const check = checkBackup(backupFile);
  if (!check.ok) return check;
  const target = pendingFile(databaseFile);
  const partial = `${target}.partial`;
  await copyFile(backupFile, partial);
  // The copy is checked again: the file could have changed between the check and the copy.
  const copied = checkBackup(partial);
  if (!copied.ok) {
    await rm(partial, { force: true });
    return copied;
  }
  const note: PendingRestore = { backup: name, stagedAt: by.at, stagedBy: by.staffId, schemaVersion: copied.schemaVersion };
  await writeFile(noteFile(databaseFile), JSON.stringify(note));
  await rename(partial, target);
  return note;
}

export async function cancelRestore(databaseFile: string): Promise<void> {
  await rm(pendingFile(databaseFile), { force: true });
  await rm(noteFile(databaseFile), { force: true });
}

/**
 * Swaps a staged restore into place; call before opening the database. Returns what it did,
 * or undefined when nothing was staged. A pending copy that fails its check is set aside as
 * `restore-rejected-<time>.db` and the live database is left as it was.
 */
export function applyPendingRestore(databaseFile: string, now: Date): { restored: PendingRestore; previous: string } | { rejected: string } | undefined {
  const pending = pendingFile(databaseFile);
  if (!existsSync(pending)) return undefined;
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const dir = dirname(databaseFile);
  const check = checkBackup(pending);
  if (!check.ok) {
    const rejected = join(dir, `restore-rejected-${stamp}.db`);
    renameSync(pending, rejected);
    rmSync(noteFile(databaseFile), { force: true });
    return { rejected };
  }
  let note: PendingRestore;
  try {
    note = pendingRestoreSchema.parse(JSON.parse(readFileSync(noteFile(databaseFile), 'utf8')));
  } catch {
    note = { backup: 'unknown', stagedAt: now.toISOString(), stagedBy: null, schemaVersion: check.schemaVersion };
  }
  const previous = join(dir, `pre-restore-${stamp}.db`);
  if (existsSync(databaseFile)) {
    renameSync(databaseFile, previous);
    // The WAL belongs to the database being replaced: it goes with it, or SQLite would replay
    // the old hall's last transactions into the restored copy.
    for (const suffix of ['-wal', '-shm']) if (existsSync(`${databaseFile}${suffix}`)) renameSync(`${databaseFile}${suffix}`, `${previous}${suffix}`);
  }
  renameSync(pending, databaseFile);
  rmSync(noteFile(databaseFile), { force: true });
  return { restored: note, previous };
}
