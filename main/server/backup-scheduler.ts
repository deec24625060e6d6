import { backupDatabase, backupExists, backupFileName } from '../../db/backup.ts';
import type { ManualRetention, ScheduledRetention } from '../../db/backup-retention.ts';
import type { Db } from '../../db/connection.ts';
import type { BackupKeys } from './backup-key.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { hallDay } from '../core/queue/hall-time.ts';
import { hallTimeZone } from '../core/queue/settings.ts';

/** Where backups go and how long each kind is kept (db/backup-retention.ts). */
export type BackupPolicy = { dir: string; scheduled: ScheduledRetention; manual: ManualRetention; manualEveryMinutes: number };

/**
 * Makes the hall day's backup if it is not there yet; checked a minute after start and then every hour.
 * Encrypted under the backup password's key once one is set (`keys`); a key set but unreadable
 * refuses the copy (logged) rather than writing it in clear.
 */
export async function backupIfDue(db: Db, policy: BackupPolicy, now: Date, logger: Logger, keys?: Pick<BackupKeys, 'current'>): Promise<string | undefined> {
  // Named by the hall's day, not the machine's: a server set to UTC still keeps one copy per hall day.
  const day = hallDay(now, hallTimeZone(db));
  if (backupExists(policy.dir, backupFileName(day))) return undefined;
  const key = keys?.current();
  const { file, removed } = await backupDatabase(db, { dir: policy.dir, fileName: backupFileName(day), retention: policy.scheduled, key });
  logger.info({ file, removed }, 'daily backup written');
  return file;
}

export function scheduleBackups(db: Db, policy: BackupPolicy, clock: Clock, logger: Logger, keys?: Pick<BackupKeys, 'current'>): () => void {
  const run = () => {
    backupIfDue(db, policy, clock.now(), logger, keys).catch((err: unknown) => logger.error({ err }, 'daily backup failed'));
  };
  // The first check waits a minute so a large hall's copy never slows the start-up.
  const first = setTimeout(run, 60 * 1000);
  const timer = setInterval(run, 60 * 60 * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
