import type { Db } from '../../db/connection.ts';
import { type BackupKey, deriveBackupKey, keyCheckOf } from '../../db/backup-cipher.ts';
import { getSetting, setSetting } from '../../db/settings.ts';
import { fail } from '../core/api/errors.ts';
import type { BackupKeyStatus } from '../core/backups/backup-port.ts';
import type { SecretBox } from '../utility-link/secret-box.ts';
import { z } from 'zod';

/**
 * The key backups are encrypted with. The hall makes its daily copy with nobody at the desk, so
 * it keeps the key derived from the administrator's backup password — sealed by the secret box
 * (whose own key lives outside the database), beside the salt, the scrypt parameters and the key
 * check, in one setting. Neither the password nor the key is ever stored in clear: a copied
 * database (or a backup of it) alone does not open the backups.
 */
const storedKeySchema = z.object({
  salt: z.string(),
  log2N: z.number(),
  r: z.number(),
  p: z.number(),
  check: z.string(),
  sealed: z.string(),
  setAt: z.string(),
});
type StoredKey = z.infer<typeof storedKeySchema>;

const SETTING = 'backup.key';

export type BackupKeys = {
  status: () => BackupKeyStatus;
  /** The current key's check (db/backup-cipher.ts), which names it without opening it: an encrypted backup under another is an older password's. */
  check: () => Buffer | undefined;
  /** The key new backups are written with; undefined while no password is set. Refuses when it is set but cannot be opened. */
  current: () => BackupKey | undefined;
  /** Derives a key from a new password and makes it the one new backups use. */
  set: (password: string, at: string) => Promise<{ changed: boolean }>;
};

function stored(db: Db): StoredKey | undefined {
  const raw = getSetting(db, SETTING);
  return raw === undefined ? undefined : storedKeySchema.parse(JSON.parse(raw));
}

function open(box: SecretBox, s: StoredKey): BackupKey | undefined {
  try {
    const key = Buffer.from(box.open(s.sealed), 'base64');
    const check = Buffer.from(s.check, 'base64');
    // A key that does not match its check is a box key file replaced or lost: never write with it.
    if (key.length !== 32 || !keyCheckOf(key).equals(check)) return undefined;
    return { key, salt: Buffer.from(s.salt, 'base64'), params: { log2N: s.log2N, r: s.r, p: s.p }, check };
  } catch {
    return undefined;
  }
}

export function createBackupKeys(options: { db: Db; box: SecretBox }): BackupKeys {
  const { db, box } = options;
  return {
    status() {
      const s = stored(db);
      if (!s) return { state: 'off', setAt: null };
      return { state: open(box, s) ? 'on' : 'unreadable', setAt: s.setAt };
    },
    check() {
      const s = stored(db);
      return s ? Buffer.from(s.check, 'base64') : undefined;
    },
    current() {
      const s = stored(db);
      if (!s) return undefined;
      // Writing a plain copy instead would quietly undo the administrator's choice.
      return open(box, s) ?? fail('conflict', 'errors.ledgers.backupKeyUnreadable');
    },
    async set(password, at) {
      const key = await deriveBackupKey(password);
      const value: StoredKey = {
        salt: key.salt.toString('base64'),
        ...key.params,
        check: key.check.toString('base64'),
        sealed: box.seal(key.key.toString('base64')),
        setAt: at,
      };
      const changed = stored(db) !== undefined;
      setSetting(db, SETTING, JSON.stringify(value));
      return { changed };
    },
  };
}
