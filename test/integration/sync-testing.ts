import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inTransaction, type Db } from '../../db/connection.ts';
import { enqueueOutbox } from '../../db/outbox.ts';
import { saveConnector } from '../../db/sync.ts';
import { writeHallCode } from '../../main/core/sync/hall-code.ts';
import { createSecretBox, secretKeyFile } from '../../main/utility-link/secret-box.ts';

export const SECRET = 'utility-shared-secret-0123456789';

/** A connector row as the manager's page would save it, with the secret sealed by the data folder's key. */
export function configure(db: Db, dataDir: string, c: { utility: string; baseUrl?: string; outDir?: string; replyDir?: string; secret?: string }): void {
  const box = createSecretBox({ keyFile: secretKeyFile(dataDir) });
  writeHallCode(db, 'HALL-NORTH-01');
  saveConnector(db, {
    utility: c.utility,
    kind: c.baseUrl ? 'http' : 'folder',
    enabled: true,
    baseUrl: c.baseUrl ?? null,
    outDir: c.outDir ?? null,
    replyDir: c.replyDir ?? null,
    windowStart: '01:00',
    windowEnd: '05:00',
    secretCipher: box.seal(c.secret ?? SECRET),
    at: new Date().toISOString(),
    staffId: null,
  });
}

/** Queues `n` complaint-like records for a utility, as a ledger would. */
export function queueRecords(db: Db, utility: string, n: number, from = 1): void {
  inTransaction(db, () => {
    for (let i = from; i < from + n; i++) {
      enqueueOutbox(db, {
        utility,
        type: 'complaint',
        recordId: i,
        data: { channel: 'hotline', content: `燃气表读数异常 #${i}`, receivedAt: '2026-09-30T02:00:00.000Z' },
        at: '2026-09-30T02:00:00.000Z',
      });
    }
  });
}

export const tempDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export const outboxStates = (db: Db, utility: string): Record<string, number> =>
  Object.fromEntries(
    (db.prepare('SELECT state, count(*) AS n FROM sync_outbox WHERE utility = ? GROUP BY state').all(utility) as { state: string; n: number }[]).map((r) => [
      r.state,
      r.n,
    ]),
  );
