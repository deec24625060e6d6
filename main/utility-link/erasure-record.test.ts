import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchRecord } from '../../db/sync.ts';
import { dropKey, openDrop } from './drop-seal.ts';
import { createFolderConnector } from './folder-connector.ts';
import { batchBody, batchBodyParts } from './protocol.ts';

/** The `erasure` record type (docs/sync-protocol.md, "Erasure") on both connectors' wire. */
const erasure: BatchRecord = {
  seq: 7,
  type: 'erasure',
  recordId: '42',
  version: 1,
  data: '{"requestedAt":"2026-12-01T02:00:00.000Z","workOrderIds":[12],"caseNumbers":["G1"]}',
};
const header = { hall: 'HALL-NORTH-01', utility: 'gas', batchId: 'b-erasure', createdAt: '2026-12-01T17:00:00.000Z' };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-erasure-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('an erasure record on the wire', () => {
  it('goes in an HTTP batch under the id er-<n>', () => {
    const body = JSON.parse(batchBody(header, [erasure])) as { records: { type: string; id: string; data: unknown }[] };
    expect(body.records).toEqual([{ type: 'erasure', id: 'er-42', version: 1, data: JSON.parse(erasure.data) }]);
  });

  it('goes in a folder drop as erasures.csv', async () => {
    const outDir = path.join(dir, 'out');
    const connector = createFolderConnector({ outDir, replyDir: path.join(dir, 'in'), hall: header.hall, secret: 'shared-secret-of-gas' });
    await connector.send(header, batchBodyParts(header, [erasure]), [erasure]);
    const sealed = fs.readFileSync(path.join(outDir, header.batchId, 'erasures.csv'));
    const text = openDrop(dropKey('shared-secret-of-gas'), `${header.batchId}/erasures.csv`, sealed)?.toString('utf8') ?? '';
    expect(text.split('\r\n')[0]).toBe('id,version,caseNumbers,requestedAt,workOrderIds');
    expect(text.split('\r\n')[1]).toMatch(/^er-42,1,/);
  });
});
