/**
 * What the core asks of the process that holds the database file for backups. The hall server
 * plugs in the real one (main/server/backup-port.ts); a core without it (tests, a client) says
 * backups are not available here.
 */
/** `older`: encrypted under a backup password set before the current one, which its restore asks for. */
export type BackupEncryption = 'none' | 'current' | 'older';
export type BackupFile = { name: string; sizeBytes: number; modifiedAt: string; encryption: BackupEncryption };
export type PendingRestoreInfo = { backup: string; stagedAt: string; stagedBy: number | null; schemaVersion: number };
export type BackupRefusal = 'not_found' | 'unreadable' | 'corrupt' | 'too_new' | 'not_a_hall' | 'password_needed' | 'wrong_password';
/** `unreadable`: a password was set but its sealed key cannot be opened here (the secret box's key file lost or replaced). */
export type BackupKeyStatus = { state: 'off' | 'on' | 'unreadable'; setAt: string | null };

export type BackupPort = {
  list: () => Promise<{ dir: string; keep: number; backups: BackupFile[]; pending: PendingRestoreInfo | null; key: BackupKeyStatus }>;
  runNow: () => Promise<BackupFile>;
  /** Checks the backup (decrypting it first with `password` when it is encrypted) and stages it to replace the database at the next start. */
  stageRestore: (
    name: string,
    by: { at: string; staffId: number | null },
    password?: string,
  ) => Promise<{ ok: true; pending: PendingRestoreInfo } | { ok: false; reason: BackupRefusal }>;
  cancelRestore: () => Promise<void>;
  /** Sets (or changes) the backup password: backups from now on are encrypted under its key. */
  setPassword: (password: string, at: string) => Promise<{ changed: boolean }>;
};
