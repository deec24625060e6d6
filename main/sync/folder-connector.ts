import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxRecordType } from '../../db/outbox.ts';
import type { BatchRecord } from '../../db/sync.ts';
import type { Connector } from './connector.ts';
import { csvLine } from './csv.ts';
import { batchAnswerSchema, type BatchHeader, PROTOCOL, signBody, readUpdates, updatesPageSchema, wireId } from './protocol.ts';

export type FolderConnectorOptions = {
  /** Where batches are dropped (a share, or a folder an SFTP client mirrors). */
  outDir: string;
  /** Where the utility drops its answers (`<batchId>.json`) and updates (`updates-*.json`). */
  replyDir: string;
  hall: string;
  secret: string;
};

export type ManifestFile = { type: OutboxRecordType; file: string; rows: number; sha256: string };

export type Manifest = {
  protocol: typeof PROTOCOL;
  hall: string;
  utility: string;
  batchId: string;
  createdAt: string;
  records: number;
  files: ManifestFile[];
};

export const MANIFEST = 'manifest.json';
const fileOf: Record<OutboxRecordType, string> = { workOrder: 'work-orders.csv', rating: 'ratings.csv', complaint: 'complaints.csv', followUp: 'follow-ups.csv', erasure: 'erasures.csv' };

async function writeSynced(file: string, content: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * One CSV per record type: `id,version` then the data's top-level fields in sorted order
 * (nested values as JSON).
 */
function csvOf(records: readonly BatchRecord[]): string {
  const rows = records.map((r) => ({ r, data: JSON.parse(r.data) as Record<string, unknown> }));
  const columns = [...new Set(rows.flatMap(({ data }) => Object.keys(data)))].sort();
  let text = csvLine(['id', 'version', ...columns]);
  for (const { r, data } of rows) text += csvLine([wireId(r.type, r.recordId), r.version, ...columns.map((c) => data[c])]);
  return text;
}

/**
 * The file drop of onewindow.sync/1: each batch is a folder `<batchId>/` with a CSV per
 * record type and `manifest.json` (row counts and SHA-256 of each file, signed like the HTTP
 * body), written under a temporary name and renamed into place, so a reader never sees half
 * a batch. Answers come back as `<replyDir>/<batchId>.json` in the HTTP answer's shape.
 */
export function createFolderConnector(options: FolderConnectorOptions): Connector {
  return {
    kind: 'folder',
    async send(header: BatchHeader, _body, records) {
      const final = join(options.outDir, header.batchId);
      // Written before (the process died after the rename): the drop is complete; waiting for the answer.
      if (existsSync(final)) return { kind: 'awaiting' };
      await mkdir(options.outDir, { recursive: true });
      const temp = join(options.outDir, `.tmp-${header.batchId}-${process.pid}`);
      await rm(temp, { recursive: true, force: true });
      await mkdir(temp);
      const files: ManifestFile[] = [];
      for (const type of Object.keys(fileOf) as OutboxRecordType[]) {
        const ofType = records.filter((r) => r.type === type);
        if (ofType.length === 0) continue;
        const text = csvOf(ofType);
        await writeSynced(join(temp, fileOf[type]), text);
        files.push({ type, file: fileOf[type], rows: ofType.length, sha256: createHash('sha256').update(text, 'utf8').digest('hex') });
      }
      const manifest: Manifest = { protocol: PROTOCOL, hall: options.hall, utility: header.utility, batchId: header.batchId, createdAt: header.createdAt, records: records.length, files };
      const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
      await writeSynced(join(temp, MANIFEST), manifestText);
      await writeSynced(join(temp, 'manifest.sig'), `${signBody(options.secret, manifestText)}\n`);
      await rename(temp, final);
      return { kind: 'awaiting' };
    },
    async collectAnswer(batchId) {
      const file = join(options.replyDir, `${batchId}.json`);
      if (!existsSync(file)) return undefined;
      const parsed = batchAnswerSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (!parsed.success || parsed.data.batchId !== batchId) throw new Error(`${file} is not an answer to batch ${batchId}`);
      return parsed.data;
    },
    async answerRecorded(batchId) {
      const done = join(options.replyDir, 'processed');
      await mkdir(done, { recursive: true });
      await rename(join(options.replyDir, `${batchId}.json`), join(done, `${batchId}.json`)).catch(() => undefined);
    },
    async pullUpdates(cursor) {
      // Update files are read in name order; the cursor is the last file name read.
      const names = existsSync(options.replyDir) ? (await readdir(options.replyDir)).filter((n) => /^updates-.+\.json$/.test(n)).sort() : [];
      const next = names.find((n) => cursor === null || n > cursor);
      if (!next) return { cursor, updates: [], invalid: [] };
      const parsed = updatesPageSchema.shape.updates.safeParse((JSON.parse(await readFile(join(options.replyDir, next), 'utf8')) as { updates?: unknown }).updates);
      if (!parsed.success) throw new Error(`${next} is not an updates file`);
      return readUpdates(next, parsed.data);
    },
  };
}
