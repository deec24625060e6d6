import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { legacySecretKeyFile, secretKeyFile } from './secret-box.ts';

/** `inner` is `outer` or somewhere below it. */
const within = (inner: string, outer: string): boolean => {
  const rel = relative(resolve(outer), resolve(inner));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Where the headless hall keeps the key its secrets are sealed with (docs/security.md): the
 * path given (--secret-key, ONEWINDOW_SECRET_KEY) or beside the data folder; never inside the
 * data folder nor the backup folder, which are copied, backed up and carried off. A key left
 * in the data folder by an older version is moved out on the first start.
 */
export function hallSecretKeyFile(options: { dataDir: string; given?: string | undefined; backupDir?: string | undefined }): { file: string; moved: boolean } {
  const file = resolve(options.given ?? secretKeyFile(options.dataDir));
  for (const folder of [options.dataDir, options.backupDir]) {
    if (folder && within(file, folder))
      throw new Error(`the secret key ${file} must not be inside ${resolve(folder)}: copies and backups of that folder would carry it off`);
  }
  const legacy = legacySecretKeyFile(options.dataDir);
  if (!existsSync(legacy) || existsSync(file)) return { file, moved: false };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    renameSync(legacy, file);
  } catch {
    // Another disk: copy, then remove, so a failure halfway leaves the key in one place at least.
    copyFileSync(legacy, file);
    rmSync(legacy);
  }
  return { file, moved: true };
}
