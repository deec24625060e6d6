import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { OUTBOX_RECORD_TYPES, type OutboxRecordType } from '../../db/outbox.ts';
import type { BatchRecord } from '../../db/sync.ts';
import type { Connector } from './connector.ts';
import { csvLine } from './csv.ts';
import { dropKey, openDrop, sealDrop } from './drop-seal.ts';
import { batchAnswerSchema, type BatchHeader, PROTOCOL, readUpdates, updatesPageSchema, wireId } from './protocol.ts';
import { jsonObject, parseJsonColumn } from '../../db/json-columns.ts';

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
const fileOf: Record<OutboxRecordType, string> = {
  workOrder: 'work-orders.csv',
  rating: 'ratings.csv',
  complaint: 'complaints.csv',
  followUp: 'follow-ups.csv',
  erasure: 'erasures.csv',
};

async function writeSynced(file: string, content: Buffer): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(content);
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
  const rows = records.map((r) => ({ r, data: parseJsonColumn(jsonObject, r.data) }));
  const columns = [...new Set(rows.flatMap(({ data }) => Object.keys(data)))].sort();
  let text = csvLine(['id', 'version', ...columns]);
  for (const { r, data } of rows) text += csvLine([wireId(r.type, r.recordId), r.version, ...columns.map((c) => data[c])]);
  return text;
}

/**
 * The file drop of onewindow.sync/2: each batch is a folder `<batchId>/` with a CSV per
 * record type and `manifest.json` (row counts and SHA-256 of each file), written under a
 * temporary name and renamed into place, so a reader never sees half a batch. Every file is
 * sealed with the shared secret (drop-seal.ts): the share sees no citizen's data. Answers
 * come back as `<replyDir>/<batchId>.json` in the HTTP answer's shape, and updates as
 * `updates-*.json`, sealed the same way; a reply that does not open is refused, not read.
 */
export function createFolderConnector(options: FolderConnectorOptions): Connector {
  const key = dropKey(options.secret);

  /** A reply's content once it opens with the secret under its own name; refused otherwise, nothing of it read. */
  const openReply = async (name: string): Promise<unknown> => {
    const file = join(options.replyDir, name);
    const content = openDrop(key, name, await readFile(file));
    if (!content) throw new Error(`${file}: the reply is not sealed with the shared secret, or was altered`);
    try {
      return JSON.parse(content.toString('utf8'));
    } catch {
      throw new Error(`${file} is not an answer or updates file: broken JSON`);
    }
  };

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
      for (const type of OUTBOX_RECORD_TYPES) {
        const ofType = records.filter((r) => r.type === type);
        if (ofType.length === 0) continue;
        const text = csvOf(ofType);
        await writeSynced(join(temp, fileOf[type]), sealDrop(key, `${header.batchId}/${fileOf[type]}`, text));
        files.push({ type, file: fileOf[type], rows: ofType.length, sha256: createHash('sha256').update(text, 'utf8').digest('hex') });
      }
      const manifest: Manifest = {
        protocol: PROTOCOL,
        hall: options.hall,
        utility: header.utility,
        batchId: header.batchId,
        createdAt: header.createdAt,
        records: records.length,
        files,
      };
      await writeSynced(join(temp, MANIFEST), sealDrop(key, `${header.batchId}/${MANIFEST}`, `${JSON.stringify(manifest, null, 2)}\n`));
      await rename(temp, final);
      return { kind: 'awaiting' };
    },
    async collectAnswer(batchId) {
      const name = `${batchId}.json`;
      if (!existsSync(join(options.replyDir, name))) return undefined;
      const parsed = batchAnswerSchema.safeParse(await openReply(name));
      if (!parsed.success || parsed.data.batchId !== batchId) throw new Error(`${join(options.replyDir, name)} is not an answer to batch ${batchId}`);
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
      const reply: unknown = await openReply(next);
      const parsed = updatesPageSchema.shape.updates.safeParse(typeof reply === 'object' && reply !== null && 'updates' in reply ? reply.updates : undefined);
      if (!parsed.success) throw new Error(`${next} is not an updates file`);
      return readUpdates(next, parsed.data);
    },
  };
}
