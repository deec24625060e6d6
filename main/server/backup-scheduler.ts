import { backupDatabase, backupExists, backupFileName, listBackups } from '../../db/backup.ts';
import { listCategories } from '../../db/categories.ts';
import { countInService, countWaiting } from '../../db/tickets.ts';
import { queueSince } from '../core/queue/settings.ts';
import { backupMoment } from './backup-timing.ts';
import type { ManualRetention, ScheduledRetention } from '../../db/backup-retention.ts';
import type { Db } from '../../db/connection.ts';
import type { BackupKeys } from './backup-key.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../../common/logger.ts';
import { hallDay } from '../../common/hall-time.ts';
import { hallTimeZone } from '../core/hall/time-zone.ts';

/** Where backups go and how long each kind is kept (db/backup-retention.ts). */
export type BackupPolicy = { dir: string; scheduled: ScheduledRetention; manual: ManualRetention; manualEveryMinutes: number };

/** The hall day of the newest scheduled copy in the folder, from its name (plain or encrypted). */
async function newestScheduledDay(dir: string): Promise<string | undefined> {
  const days = (await listBackups(dir)).map((name) => /^onewindow-(\d{4}-\d{2}-\d{2})\.db/.exec(name)?.[1]).filter((d) => d !== undefined);
  return days.sort().at(-1);
}

/**
 * Makes the hall day's backup if it is not there yet and the hall is closed (backup-timing.ts):
 * checked a minute after start and then every ten minutes.
 * Encrypted under the backup password's key once one is set (`keys`); a key set but unreadable
 * refuses the copy (logged) rather than writing it in clear.
 */
export async function backupIfDue(db: Db, policy: BackupPolicy, now: Date, logger: Logger, keys?: Pick<BackupKeys, 'current'>): Promise<string | undefined> {
  // Named by the hall's day, not the machine's: a server set to UTC still keeps one copy per hall day.
  const timeZone = hallTimeZone(db);
  const day = hallDay(now, timeZone);
  if (backupExists(policy.dir, backupFileName(day))) return undefined;
  const queueIdle = countWaiting(db, queueSince(db, now)) === 0 && countInService(db) === 0;
  const moment = backupMoment({ now, timeZone, categories: listCategories(db), today: day, newestBackupDay: await newestScheduledDay(policy.dir), queueIdle });
  if (!moment.run) return undefined;
  logger.info({ day, why: moment.why }, 'daily backup starting');
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
  // Every ten minutes: the hall's closing is caught within ten minutes, a quiet moment of a busy day too.
  const timer = setInterval(run, 10 * 60 * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
