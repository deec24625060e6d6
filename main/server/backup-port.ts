import { randomBytes } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupDatabase, isEncryptedBackupName, listBackups, manualBackupFileName } from '../../db/backup.ts';
import { decryptBackupFile, keyForBackup, readBackupHeader } from '../../db/backup-cipher.ts';
import type { BackupPolicy } from './backup-scheduler.ts';
import type { BackupKeys } from './backup-key.ts';
import type { Db } from '../../db/connection.ts';
import { cancelRestore, readPendingRestore, stageRestore } from '../../db/restore.ts';
import type { BackupFile, BackupPort } from '../core/backups/backup-port.ts';
import type { Clock } from '../core/clock.ts';
import { hallStamp } from '../../common/hall-time.ts';
import { hallTimeZone } from '../core/hall/time-zone.ts';
import { fail } from '../core/api/errors.ts';

/** A decrypted copy on its way to being staged, in the data folder. */
const DECRYPTING = 'restore-decrypting-';

/** The backups of the database this process holds: the scheduled folder, a copy now, a restore at the next start. */
export function createBackupPort(options: { db: Db; databaseFile: string; policy: BackupPolicy; clock: Clock; keys: BackupKeys }): BackupPort {
  const { dir, scheduled, manual, manualEveryMinutes } = options.policy;
  const { keys } = options;
  // Copies by hand are spaced out: a burst of clicks makes one copy, not a wall of them.
  let lastManualMs: number | undefined;
  // A backup made on demand is named by the hall's time to the second, so it never replaces the day's scheduled copy.
  const manualName = (): string => hallStamp(options.clock.now(), hallTimeZone(options.db));
  const info = async (name: string): Promise<BackupFile> => {
    const file = join(dir, name);
    const s = await stat(file);
    const header = await readBackupHeader(file);
    const current = keys.check();
    const encryption = header ? (current && header.check.equals(current) ? 'current' : 'older') : 'none';
    return { name, sizeBytes: s.size, modifiedAt: s.mtime.toISOString(), encryption };
  };
  return {
    async list() {
      const names = await listBackups(dir);
      return {
        dir,
        keep: scheduled.daily,
        backups: await Promise.all(names.map(info)),
        pending: (await readPendingRestore(options.databaseFile)) ?? null,
        key: keys.status(),
      };
    },
    async runNow() {
      const nowMs = options.clock.now().getTime();
      const nextMs = lastManualMs === undefined ? nowMs : lastManualMs + manualEveryMinutes * 60_000;
      if (nowMs < nextMs) return fail('locked', 'errors.ledgers.backupTooSoon', { until: new Date(nextMs).toISOString() });
      // Before the spacing starts: a key that cannot be opened refuses the copy without costing a wait.
      const key = keys.current();
      lastManualMs = nowMs;
      const { file } = await backupDatabase(options.db, { dir, fileName: manualBackupFileName(manualName()), retention: manual, key });
      return info(basename(file));
    },
    async stageRestore(name, by, password) {
      // The name was checked against the backup pattern by the contract: no path can be given.
      const file = join(dir, name);
      if (!existsSync(file)) return { ok: false, reason: 'not_found' };
      const header = await readBackupHeader(file);
      if (!header) {
        if (isEncryptedBackupName(name)) return { ok: false, reason: 'unreadable' };
        const result = await stageRestore(options.databaseFile, file, by);
        return 'backup' in result ? { ok: true, pending: result } : { ok: false, reason: result.ok ? 'unreadable' : result.reason };
      }
      if (!password) return { ok: false, reason: 'password_needed' };
      const key = await keyForBackup(header, password);
      if (!key) return { ok: false, reason: 'wrong_password' };
      // Decrypted beside the database (owner-only folder and file), checked and staged like a plain copy, then removed;
      // one restore is checked at a time (the handler), so any other such file is a crash's leftover.
      const dataDir = dirname(options.databaseFile);
      for (const leftover of await readdir(dataDir)) if (leftover.startsWith(DECRYPTING)) await rm(join(dataDir, leftover), { force: true });
      const plain = join(dataDir, `${DECRYPTING}${randomBytes(6).toString('hex')}.db`);
      try {
        try {
          await decryptBackupFile(file, plain, key);
        } catch {
          // The right password and a failing tag: the file was altered or cut short.
          return { ok: false, reason: 'corrupt' };
        }
        const result = await stageRestore(options.databaseFile, plain, by, name);
        return 'backup' in result ? { ok: true, pending: result } : { ok: false, reason: result.ok ? 'unreadable' : result.reason };
      } finally {
        for (const suffix of ['', '-wal', '-shm']) await rm(`${plain}${suffix}`, { force: true });
      }
    },
    cancelRestore: () => cancelRestore(options.databaseFile),
    setPassword: (password, at) => keys.set(password, at),
  };
}
