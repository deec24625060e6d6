import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { adminOnly, managers } from '../api/roles.ts';
import { passwordSchema } from '../auth/schemas.ts';

const backupFileSchema = z.object({ name: z.string(), sizeBytes: z.number().int(), modifiedAt: z.string(), encryption: z.enum(['none', 'current', 'older']) });
const backupKeySchema = z.object({ state: z.enum(['off', 'on', 'unreadable']), setAt: z.string().nullable() });
const pendingSchema = z.object({ backup: z.string(), stagedAt: z.string(), stagedBy: z.number().int().nullable(), schemaVersion: z.number().int() });
// Plain copies (.db) and those encrypted under the backup password (.db.enc).
const backupName = z.string().regex(/^onewindow-(manual-)?[0-9T-]+\.db(\.enc)?$/, { message: 'field.backupName' });

/** The backup folder: copies, restores staged for the next start, and the backup password. */
export const backupsContract = defineMethods({
  'backups/list': {
    summary: 'The backup folder: its copies, newest last, and a restore waiting for the next start.',
    roles: managers,
    input: z.object({}),
    output: z.object({
      available: z.boolean(),
      dir: z.string().nullable(),
      keep: z.number().int().nullable(),
      backups: z.array(backupFileSchema),
      pending: pendingSchema.nullable(),
      /** Whether new backups are encrypted: `off` until the administrator sets a backup password. */
      key: backupKeySchema.nullable(),
    }),
  },
  'backups/run': {
    summary: 'Makes a backup now (online, the hall keeps working).',
    roles: managers,
    input: z.object({}),
    output: backupFileSchema,
  },
  'backups/restore': {
    summary:
      'Checks a backup and stages it to replace the database at the next start; `confirm` repeats its name; an encrypted backup needs the backup password it was made under.',
    roles: adminOnly,
    input: z
      .object({ name: backupName, confirm: z.string(), password: z.string().max(128).optional() })
      .refine((r) => r.confirm === r.name, { message: 'field.confirmBackupName', path: ['confirm'] }),
    output: pendingSchema,
  },
  'backups/setPassword': {
    summary:
      'Sets or changes the backup password: backups from now on are encrypted (AES-256-GCM) under a key derived from it; older ones keep needing the password they were made under.',
    roles: adminOnly,
    input: z
      .object({ password: passwordSchema, confirm: z.string() })
      .refine((r) => r.confirm === r.password, { message: 'field.passwordsDiffer', path: ['confirm'] }),
    output: z.object({ changed: z.boolean(), setAt: z.string() }),
  },
  'backups/cancelRestore': {
    summary: 'Drops a staged restore; the database stays as it is.',
    roles: adminOnly,
    input: z.object({}),
    output: z.object({ cancelled: z.boolean() }),
  },
});
