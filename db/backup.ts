import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from './connection.ts';

const PREFIX = 'onewindow-';
const SUFFIX = '.db';

/** Backup files are named by the local day so "one a day" is a file-exists check. */
export function backupFileName(day: string): string {
  return `${PREFIX}${day}${SUFFIX}`;
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

/**
 * Online backup through SQLite's backup API: the hall keeps working while pages are
 * copied. Keeps the newest `keep` files and removes older ones.
 */
export async function backupDatabase(
  db: Db,
  options: { dir: string; day: string; keep: number },
): Promise<{ file: string; removed: string[] }> {
  await mkdir(options.dir, { recursive: true });
  const file = join(options.dir, backupFileName(options.day));
  await db.backup(file);
  const all = await listBackups(options.dir);
  const removed = all.slice(0, Math.max(0, all.length - options.keep));
  for (const name of removed) await rm(join(options.dir, name), { force: true });
  return { file, removed };
}
