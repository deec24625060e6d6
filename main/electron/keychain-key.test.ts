import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox, legacySecretKeyFile, secretKeyFile } from '../utility-link/secret-box.ts';
import { keychainSecretKey, type KeychainPort } from './keychain-key.ts';

// No Electron runs here, so safeStorage is a small fake: it encrypts with a key of its own
// (as DPAPI or the login keychain would, with one the app never sees) and can be made to
// report no keychain, or Linux's 'basic_text' store that protects nothing.
function fakeKeychain(options: { available?: boolean; backend?: string } = {}): KeychainPort & { secret: Buffer } {
  const secret = randomBytes(32);
  return {
    secret,
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', secret, iv);
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), data]);
    },
    decryptString(sealed) {
      const d = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const log = pino({ level: 'silent' });
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the desktop app keeps the secrets' key in the OS keychain", () => {
  it('makes a key once, stores only what the keychain sealed, and gets the same key back', () => {
    root = mkdtempSync(join(tmpdir(), 'onewindow-keychain-'));
    const keychain = fakeKeychain();
    const file = join(root, 'secret-key.sealed');
    const key = keychainSecretKey({ file, keyFiles: [], keychain, log });
    expect(key && Buffer.from(key, 'base64').length).toBe(32);
    expect(readFileSync(file).includes(Buffer.from(key ?? ''))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keychainSecretKey({ file, keyFiles: [], keychain, log })).toBe(key);
    // Another user's (or machine's) keychain cannot open it.
    expect(() => keychainSecretKey({ file, keyFiles: [], keychain: fakeKeychain(), log })).toThrow();
  });

  it('takes over a key file left by an older version, so sealed secrets still open, and removes the file', () => {
    root = mkdtempSync(join(tmpdir(), 'onewindow-keychain-'));
    const dataDir = join(root, 'OneWindow');
    mkdirSync(dataDir);
    const sealedSecret = createSecretBox({ keyFile: legacySecretKeyFile(dataDir) }).seal('power-secret');
    const key = keychainSecretKey({
      file: join(dataDir, 'secret-key.sealed'),
      keyFiles: [legacySecretKeyFile(dataDir), secretKeyFile(dataDir)],
      keychain: fakeKeychain(),
      log,
    });
    expect(existsSync(legacySecretKeyFile(dataDir))).toBe(false);
    expect(createSecretBox({ key: Buffer.from(key ?? '', 'base64') }).open(sealedSecret)).toBe('power-secret');
  });

  it("falls back to the key file where there is no real keychain (none, or Linux's basic_text)", () => {
    root = mkdtempSync(join(tmpdir(), 'onewindow-keychain-'));
    const file = join(root, 'secret-key.sealed');
    expect(keychainSecretKey({ file, keyFiles: [], keychain: fakeKeychain({ available: false }), log })).toBeUndefined();
    expect(keychainSecretKey({ file, keyFiles: [], keychain: fakeKeychain({ backend: 'basic_text' }), log })).toBeUndefined();
    expect(existsSync(file)).toBe(false);
  });
});
