import { stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupDatabase, listBackups, manualBackupFileName } from '../../db/backup.ts';
import type { BackupPolicy } from './backup-scheduler.ts';
import type { Db } from '../../db/connection.ts';
import { cancelRestore, readPendingRestore, stageRestore } from '../../db/restore.ts';
import type { BackupFile, BackupPort } from '../core/admin/backup-port.ts';
import type { Clock } from '../core/clock.ts';
import { hallStamp } from '../core/queue/hall-time.ts';
import { hallTimeZone } from '../core/queue/settings.ts';
import { fail } from '../core/api/errors.ts';

/** The backups of the database this process holds: the scheduled folder, a copy now, a restore at the next start. */
export function createBackupPort(options: { db: Db; databaseFile: string; policy: BackupPolicy; clock: Clock }): BackupPort {
  const { dir, scheduled, manual, manualEveryMinutes } = options.policy;
  // Copies by hand are spaced out: a burst of clicks makes one copy, not a wall of them.
  let lastManualMs: number | undefined;
  // A backup made on demand is named by the hall's time to the second, so it never replaces the day's scheduled copy.
  const manualName = (): string => hallStamp(options.clock.now(), hallTimeZone(options.db));
  const info = async (name: string): Promise<BackupFile> => {
    const s = await stat(join(dir, name));
    return { name, sizeBytes: s.size, modifiedAt: s.mtime.toISOString() };
  };
  return {
    async list() {
      const names = await listBackups(dir);
      return { dir, keep: scheduled.daily, backups: await Promise.all(names.map(info)), pending: (await readPendingRestore(options.databaseFile)) ?? null };
    },
    async runNow() {
      const nowMs = options.clock.now().getTime();
      const nextMs = lastManualMs === undefined ? nowMs : lastManualMs + manualEveryMinutes * 60_000;
      if (nowMs < nextMs) return fail('locked', 'errors.ledgers.backupTooSoon', { until: new Date(nextMs).toISOString() });
      lastManualMs = nowMs;
      const { file } = await backupDatabase(options.db, { dir, fileName: manualBackupFileName(manualName()), retention: manual });
      return info(basename(file));
    },
    async stageRestore(name, by) {
      // The name was checked against the backup pattern by the contract: no path can be given.
      const file = join(dir, name);
      if (!existsSync(file)) return { ok: false, reason: 'not_found' };
      const result = await stageRestore(options.databaseFile, file, by);
      return 'backup' in result ? { ok: true, pending: result } : { ok: false, reason: result.ok ? 'unreadable' : result.reason };
    },
    cancelRestore: () => cancelRestore(options.databaseFile),
  };
}
