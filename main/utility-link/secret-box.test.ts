import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-secret-'));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('seals with AES-256-GCM under a key file outside the database, and refuses a tampered or foreign secret', () => {
  const keyFile = path.join(dir, 'sync-secret.key');
  const box = createSecretBox({ keyFile });
  const sealed = box.seal('utility-shared-secret-0123456789');
  expect(sealed).toMatch(/^aes1:/);
  expect(sealed).not.toContain('utility-shared-secret');
  expect((fs.statSync(keyFile).mode & 0o777).toString(8)).toBe('600');
  expect(createSecretBox({ keyFile }).open(sealed)).toBe('utility-shared-secret-0123456789');
  const [scheme, iv, tag, data] = sealed.split(':');
  const flipped = Buffer.from(data ?? '', 'base64url');
  flipped[0] = (flipped[0] ?? 0) ^ 1;
  expect(() => box.open([scheme, iv, tag, flipped.toString('base64url')].join(':'))).toThrow();
  expect(() => createSecretBox({ keyFile: path.join(dir, 'other.key') }).open(sealed)).toThrow();
});
