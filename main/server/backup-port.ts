import { stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupDatabase, listBackups } from '../../db/backup.ts';
import type { Db } from '../../db/connection.ts';
import { cancelRestore, readPendingRestore, stageRestore } from '../../db/restore.ts';
import type { BackupFile, BackupPort } from '../core/admin/backup-port.ts';
import type { Clock } from '../core/clock.ts';
import { hallStamp } from '../core/queue/hall-time.ts';
import { hallTimeZone } from '../core/queue/settings.ts';

/** The backups of the database this process holds: the scheduled folder, a copy now, a restore at the next start. */
export function createBackupPort(options: { db: Db; databaseFile: string; dir: string; keep: number; clock: Clock }): BackupPort {
  // A backup made on demand is named by the hall's time to the second, so it never replaces the day's scheduled copy.
  const manualName = (): string => hallStamp(options.clock.now(), hallTimeZone(options.db));
  const info = async (name: string): Promise<BackupFile> => {
    const s = await stat(join(options.dir, name));
    return { name, sizeBytes: s.size, modifiedAt: s.mtime.toISOString() };
  };
  return {
    async list() {
      const names = await listBackups(options.dir);
      return { dir: options.dir, keep: options.keep, backups: await Promise.all(names.map(info)), pending: (await readPendingRestore(options.databaseFile)) ?? null };
    },
    async runNow() {
      const { file } = await backupDatabase(options.db, { dir: options.dir, day: manualName(), keep: options.keep });
      return info(basename(file));
    },
    async stageRestore(name, by) {
      // The name was checked against the backup pattern by the contract: no path can be given.
      const file = join(options.dir, name);
      if (!existsSync(file)) return { ok: false, reason: 'not_found' };
      const result = await stageRestore(options.databaseFile, file, by);
      return 'backup' in result ? { ok: true, pending: result } : { ok: false, reason: result.ok ? 'unreadable' : result.reason };
    },
    cancelRestore: () => cancelRestore(options.databaseFile),
  };
}
