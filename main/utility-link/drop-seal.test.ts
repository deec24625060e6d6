import { describe, expect, it } from 'vitest';
import { dropKey, openDrop, sealDrop } from './drop-seal.ts';

const key = dropKey('utility-shared-secret-0123456789');

describe('sealed drop files', () => {
  it('open with the same secret under the same name, and under nothing else', () => {
    const sealed = sealDrop(key, 'b1/manifest.json', '{"batchId":"b1"}');
    expect(sealed.subarray(0, 4).toString('ascii')).toBe('OWD2');
    expect(sealed.toString('utf8')).not.toContain('batchId');
    expect(openDrop(key, 'b1/manifest.json', sealed)?.toString('utf8')).toBe('{"batchId":"b1"}');
    expect(openDrop(key, 'b2/manifest.json', sealed)).toBeUndefined();
    expect(openDrop(dropKey('another-secret-0000000000'), 'b1/manifest.json', sealed)).toBeUndefined();
    const altered = Buffer.from(sealed);
    altered[20] = (altered[20] ?? 0) ^ 1;
    expect(openDrop(key, 'b1/manifest.json', altered)).toBeUndefined();
    expect(openDrop(key, 'b1.json', Buffer.from('{"batchId":"b1","accepted":[],"rejected":[]}'))).toBeUndefined();
  });

  it('derives the documented key (docs/sync-protocol.md, "Sealed files")', () => {
    expect(key.toString('hex')).toBe(KEY_HEX);
  });
});

const KEY_HEX = 'c3ce1c04499ef4fb4aa30c0cb7c544e369e1ceba4cbbc95d21f52ad991488571';
