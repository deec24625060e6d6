import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Connector secrets at rest. The database only ever holds cipher text:
 * - `aes1:<iv>:<tag>:<data>` (base64url) — AES-256-GCM with a 32-byte key kept outside the
 *   data folder (secret-key-file.ts: beside it by default, or where --secret-key says; mode 600)
 *   or, in the desktop app, sealed by the operating system's keychain and handed to the hall in
 *   memory (main/electron/keychain-key.ts) — so neither a copy of the data folder nor a backup
 *   gives the secrets away.
 */
export type SecretBox = {
  seal: (plain: string) => string;
  open: (cipher: string) => string;
};

/**
 * The default key file of a data folder: next to it, not in it (`…/OneWindow-secret.key` for
 * `…/OneWindow`), so whatever copies the folder or backs it up leaves the key behind.
 */
export const secretKeyFile = (dataDir: string): string => {
  const dir = resolve(dataDir);
  return join(dirname(dir), `${basename(dir)}-secret.key`);
};

/** Where the key lived until it moved out of the data folder; adopted at start (secret-key-file.ts). */
export const legacySecretKeyFile = (dataDir: string): string => join(dataDir, 'sync-secret.key');

/** Reads the key, creating it (atomically, owner-only) on first use. */
export function loadOrCreateKey(file: string): Buffer {
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} is not a 32-byte key`);
    return key;
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${key.toString('base64')}\n`, { mode: 0o600 });
  renameSync(temp, file);
  chmodSync(file, 0o600);
  return key;
}

/** `keyFile`: read (or made) on first use; `key`: given in memory (the desktop app's, from the OS keychain). */
export function createSecretBox(options: { keyFile: string } | { key: Buffer }): SecretBox {
  if ('key' in options && options.key.length !== 32) throw new Error('the secret key must be 32 bytes');
  const load = 'keyFile' in options ? () => loadOrCreateKey(options.keyFile) : () => options.key;
  let key: Buffer | undefined;
  const aesKey = () => (key ??= load());
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', aesKey(), iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `aes1:${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${data.toString('base64url')}`;
    },
    open(sealed) {
      const [scheme, ...rest] = sealed.split(':');
      if (scheme !== 'aes1' || rest.length !== 3) throw new Error('unknown secret format');
      const [iv, tag, data] = rest.map((part) => Buffer.from(part, 'base64url'));
      if (!iv || !tag || !data) throw new Error('unknown secret format');
      const decipher = createDecipheriv('aes-256-gcm', aesKey(), iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    },
  };
}
