import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretBox, legacySecretKeyFile, loadOrCreateKey } from './secret-box.ts';
import { hallSecretKeyFile } from './secret-key-file.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the secrets' key lives outside the data folder", () => {
  it('defaults to beside the data folder, not in it', () => {
    root = mkdtempSync(join(tmpdir(), 'onewindow-key-'));
    const dataDir = join(root, 'OneWindow');
    const { file } = hallSecretKeyFile({ dataDir });
    expect(file).toBe(join(root, 'OneWindow-secret.key'));
  });

  it('refuses a key file inside the data folder or the backup folder', () => {
    root = mkdtempSync(join(tmpdir(), 'onewindow-key-'));
    const dataDir = join(root, 'data');
    const backupDir = join(root, 'backups');
    expect(() => hallSecretKeyFile({ dataDir, given: join(dataDir, 'k.key') })).toThrow(/must not be inside/);
    expect(() => hallSecretKeyFile({ dataDir, given: join(backupDir, 'nested', 'k.key'), backupDir })).toThrow(/must not be inside/);
    expect(hallSecretKeyFile({ dataDir, given: join(root, 'keys', 'k.key'), backupDir }).file).toBe(join(root, 'keys', 'k.key'));
  });

  it('moves the key an older version left in the data folder, so secrets sealed with it still open', () => {
    root = mkdtempSync(join(tmpdir(), 'onewindow-key-'));
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const legacy = legacySecretKeyFile(dataDir);
    const sealed = createSecretBox({ keyFile: legacy }).seal('gas-shared-secret');
    const before = readFileSync(legacy, 'utf8');
    const { file, moved } = hallSecretKeyFile({ dataDir, given: join(root, 'secure', 'hall.key') });
    expect(moved).toBe(true);
    expect(existsSync(legacy)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(createSecretBox({ keyFile: file }).open(sealed)).toBe('gas-shared-secret');
  });

  it('leaves a legacy key alone when the new place already has one (never overwrites a key)', () => {
    root = mkdtempSync(join(tmpdir(), 'onewindow-key-'));
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const target = join(root, 'hall.key');
    const kept = loadOrCreateKey(target).toString('base64');
    writeFileSync(legacySecretKeyFile(dataDir), `${Buffer.alloc(32, 7).toString('base64')}\n`);
    expect(hallSecretKeyFile({ dataDir, given: target }).moved).toBe(false);
    expect(loadOrCreateKey(target).toString('base64')).toBe(kept);
  });

  it('a box given its key in memory (the desktop app, from the OS keychain) writes no key file', () => {
    root = mkdtempSync(join(tmpdir(), 'onewindow-key-'));
    const key = Buffer.alloc(32, 3);
    const sealed = createSecretBox({ key }).seal('water-secret');
    expect(createSecretBox({ key }).open(sealed)).toBe('water-secret');
    expect(() => createSecretBox({ key: Buffer.alloc(32, 4) }).open(sealed)).toThrow();
    expect(() => createSecretBox({ key: Buffer.alloc(16) })).toThrow(/32 bytes/);
  });
});
