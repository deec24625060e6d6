import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { SafeStorage } from 'electron';
import type { Logger } from './logger.ts';

export type KeychainPort = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  /** Linux only: which store safeStorage uses; 'basic_text' is a fixed password, no protection at all. */
  getSelectedStorageBackend?: () => string;
};

/**
 * The key the hall's secrets are sealed with (connector secrets, the backup password's key),
 * kept by the operating system: DPAPI on Windows, the login keychain on macOS, the desktop's
 * secret service on Linux — Electron's safeStorage. On disk there is only `file`, which that
 * store alone opens; the key goes to the hall process in memory (HallOptions.secretKey). Where
 * no real store is available this says so and returns nothing: the hall then keeps a key file
 * beside the data folder, as the headless server does.
 */
export function keychainSecretKey(options: { file: string; keyFiles: readonly string[]; keychain: KeychainPort; log: Logger }): string | undefined {
  const { keychain, log } = options;
  const backend = keychain.getSelectedStorageBackend?.();
  if (!keychain.isEncryptionAvailable() || backend === 'basic_text') {
    log.warn({ backend }, 'no OS keychain: the secrets key stays in a key file beside the data folder');
    return undefined;
  }
  if (existsSync(options.file)) {
    const key = keychain.decryptString(readFileSync(options.file));
    if (Buffer.from(key, 'base64').length !== 32) throw new Error(`${options.file} does not hold a 32-byte key`);
    return key;
  }
  // A key kept in a file until now (in the data folder by older versions, beside it by the
  // headless server) is taken over, so the secrets sealed with it still open.
  const keyFile = options.keyFiles.find((f) => existsSync(f));
  const adopted = keyFile ? readFileSync(keyFile, 'utf8').trim() : undefined;
  const key = adopted ?? randomBytes(32).toString('base64');
  const temp = `${options.file}.${process.pid}.tmp`;
  writeFileSync(temp, keychain.encryptString(key), { mode: 0o600 });
  renameSync(temp, options.file);
  if (process.platform !== 'win32') chmodSync(options.file, 0o600);
  if (keyFile) {
    rmSync(keyFile);
    log.warn({ file: options.file }, 'the secrets key moved from a file in the data folder into the OS keychain');
  }
  return key;
}
