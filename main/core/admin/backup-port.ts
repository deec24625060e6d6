/**
 * What the core asks of the process that holds the database file for backups. The hall server
 * plugs in the real one (main/server/backup-port.ts); a core without it (tests, a client) says
 * backups are not available here.
 */
export type BackupFile = { name: string; sizeBytes: number; modifiedAt: string };
export type PendingRestoreInfo = { backup: string; stagedAt: string; stagedBy: number | null; schemaVersion: number };
export type BackupRefusal = 'not_found' | 'unreadable' | 'corrupt' | 'too_new' | 'not_a_hall';

export type BackupPort = {
  list: () => Promise<{ dir: string; keep: number; backups: BackupFile[]; pending: PendingRestoreInfo | null }>;
  runNow: () => Promise<BackupFile>;
  /** Checks the backup and stages it to replace the database at the next start. */
  stageRestore: (name: string, by: { at: string; staffId: number | null }) => Promise<{ ok: true; pending: PendingRestoreInfo } | { ok: false; reason: BackupRefusal }>;
  cancelRestore: () => Promise<void>;
};
