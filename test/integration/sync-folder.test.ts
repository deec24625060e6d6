import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastRun, pendingCount } from '../../db/sync.ts';
import { getWorkOrder, insertWorkOrder } from '../../db/work-orders.ts';
import { syncFailureReason } from '../../main/core/sync/failure-reason.ts';
import { type TestHall, openTestHall } from '../../main/core/testing.ts';
import { parseCsv } from '../../main/utility-link/csv.ts';
import { type Manifest, MANIFEST } from '../../main/utility-link/folder-connector.ts';
import { createSyncService, type SyncService } from '../../main/utility-link/service.ts';
import { configure, outboxStates, queueRecords, SECRET, tempDir } from './sync-testing.ts';
import { openFile, sealFile } from './sync2-peer.ts';

let hall: TestHall;
let dir: string;
let service: SyncService;

beforeEach(() => {
  hall = openTestHall();
  dir = tempDir('onewindow-sync-folder-');
  service = createSyncService({ deps: hall.core.deps, dataDir: join(dir, 'data'), retry: { attempts: 2, baseMs: 5, maxMs: 10 } });
});
afterEach(async () => {
  await service.stop();
  hall.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The utility's side: it opens what the hall dropped, and seals what it writes back (docs/sync-protocol.md, "Sealed files"). */
const read = (outDir: string, batchId: string, file: string) => openFile(SECRET, `${batchId}/${file}`, fs.readFileSync(join(outDir, batchId, file)));
const reply = (replyDir: string, name: string, content: unknown, secret = SECRET) => {
  fs.mkdirSync(replyDir, { recursive: true });
  fs.writeFileSync(join(replyDir, name), sealFile(secret, name, JSON.stringify(content)));
};

it('drops each batch as sealed CSV files with a manifest of row counts and SHA-256, and reads the sealed answers and updates back from the reply folder', async () => {
  const outDir = join(dir, 'out');
  const replyDir = join(dir, 'reply');
  configure(hall.db, join(dir, 'data'), { utility: 'gas', outDir, replyDir });
  queueRecords(hall.db, 'gas', 620); // two batches: 500 + 120
  expect(await service.run('gas', 'schedule')).toMatchObject({ state: 'succeeded', sent: 620, accepted: 0 });

  const batches = fs.readdirSync(outDir).sort();
  expect(batches).toHaveLength(2);
  expect(batches.some((name) => name.startsWith('.'))).toBe(false); // no temporary folder left behind
  let rows = 0;
  for (const batchId of batches) {
    // Nothing of the citizens' data is readable on the share without the secret.
    expect(fs.readdirSync(join(outDir, batchId)).sort()).toEqual(['complaints.csv', MANIFEST]);
    expect(fs.readFileSync(join(outDir, batchId, 'complaints.csv')).toString('utf8')).not.toContain('燃气表');
    expect(() => openFile('the-wrong-secret-000000000', `${batchId}/${MANIFEST}`, fs.readFileSync(join(outDir, batchId, MANIFEST)))).toThrow();
    const manifest = JSON.parse(read(outDir, batchId, MANIFEST)) as Manifest;
    expect(manifest).toMatchObject({ protocol: 'onewindow.sync/2', hall: 'HALL-NORTH-01', utility: 'gas', batchId });
    for (const file of manifest.files) {
      const text = read(outDir, batchId, file.file);
      expect(createHash('sha256').update(text).digest('hex')).toBe(file.sha256);
      const csv = parseCsv(text);
      expect(csv[0]).toEqual(['id', 'version', 'channel', 'content', 'receivedAt']);
      expect(csv.length - 1).toBe(file.rows);
      rows += file.rows;
    }
    expect(manifest.records).toBe(manifest.files.reduce((n, f) => n + f.rows, 0));
  }
  expect(rows).toBe(620);
  expect(outboxStates(hall.db, 'gas')).toEqual({ sending: 620 });

  // A second run before the utility answered writes nothing again.
  expect(await service.run('gas', 'schedule')).toMatchObject({ state: 'succeeded', sent: 0 });
  expect(fs.readdirSync(outDir)).toHaveLength(2);

  // The utility answers both batches (rejecting one record) and reports a work order taken.
  const order = insertWorkOrderFixture();
  fs.mkdirSync(replyDir, { recursive: true });
  const [b1, b2] = batches;
  const idsOf = (batchId: string | undefined) =>
    parseCsv(read(outDir, batchId ?? '', 'complaints.csv'))
      .slice(1)
      .map((r) => r[0] ?? '');
  const ids1 = idsOf(b1);
  reply(replyDir, `${b1}.json`, { batchId: b1, accepted: ids1.slice(1), rejected: [{ id: ids1[0], reason: '用户号不存在' }] });
  reply(replyDir, `${b2}.json`, { batchId: b2, accepted: idsOf(b2), rejected: [] });
  reply(replyDir, 'updates-20261001-0001.json', { updates: [{ workOrderId: `wo-${order}`, status: 'taken', at: '2026-10-01T01:00:00.000Z', note: null }] });
  expect(await service.run('gas', 'schedule')).toMatchObject({ state: 'succeeded', accepted: 619, rejected: 1, updates: 1 });
  expect(outboxStates(hall.db, 'gas')).toEqual({ accepted: 619, rejected: 1 });
  expect(getWorkOrder(hall.db, order)?.status).toBe('taken');
  expect(fs.readdirSync(join(replyDir, 'processed')).sort()).toEqual([`${b1}.json`, `${b2}.json`].sort());
  // The updates file is read once.
  expect(await service.run('gas', 'schedule')).toMatchObject({ state: 'succeeded', updates: 0 });
});

describe('replies the hall cannot open', () => {
  const outDir = () => join(dir, 'out');
  const replyDir = () => join(dir, 'reply');
  const lastReason = () => syncFailureReason(lastRun(hall.db, 'gas')?.error ?? null);

  beforeEach(() => configure(hall.db, join(dir, 'data'), { utility: 'gas', outDir: outDir(), replyDir: replyDir() }));

  it('refuses an answer in clear, one sealed with another secret and one sealed for another batch, and leaves the records pending', async () => {
    queueRecords(hall.db, 'gas', 620);
    await service.run('gas', 'schedule');
    const [b1, b2] = fs.readdirSync(outDir()).sort();
    const all = (batchId: string | undefined) =>
      parseCsv(read(outDir(), batchId ?? '', 'complaints.csv'))
        .slice(1)
        .map((r) => r[0] ?? '');
    const answer = (batchId: string | undefined) => ({ batchId, accepted: all(batchId), rejected: [] });

    // In clear, the way onewindow.sync/1 answered.
    fs.mkdirSync(replyDir(), { recursive: true });
    fs.writeFileSync(join(replyDir(), `${b1}.json`), JSON.stringify(answer(b1)));
    expect(await service.run('gas', 'schedule')).toMatchObject({ state: 'failed', accepted: 0 });
    expect(lastReason()).toBe('unsignedAnswer');
    // Sealed, but not with the shared secret.
    reply(replyDir(), `${b1}.json`, answer(b1), 'the-wrong-secret-000000000');
    expect(await service.run('gas', 'schedule')).toMatchObject({ state: 'failed', accepted: 0 });
    // A genuine answer to b2, copied under b1's name.
    fs.writeFileSync(join(replyDir(), `${b1}.json`), sealFile(SECRET, `${b2}.json`, JSON.stringify(answer(b2))));
    expect(await service.run('gas', 'schedule')).toMatchObject({ state: 'failed', accepted: 0 });
    expect(outboxStates(hall.db, 'gas')).toEqual({ sending: 620 });
    expect(pendingCount(hall.db, 'gas')).toBe(620);

    // The utility writes its answers as it should: taken in.
    reply(replyDir(), `${b1}.json`, answer(b1));
    reply(replyDir(), `${b2}.json`, answer(b2));
    expect(await service.run('gas', 'schedule')).toMatchObject({ state: 'succeeded', accepted: 620 });
  });

  it('applies nothing of an updates file it cannot open, and does not move past it', async () => {
    const order = insertWorkOrderFixture();
    fs.mkdirSync(replyDir(), { recursive: true });
    const completed = { updates: [{ workOrderId: `wo-${order}`, status: 'completed', at: '2026-10-01T01:00:00.000Z', note: '已办结' }] };
    fs.writeFileSync(join(replyDir(), 'updates-20261001-0001.json'), JSON.stringify(completed));
    // An old genuine updates file copied under a later name does not open either.
    fs.writeFileSync(join(replyDir(), 'updates-20261001-0002.json'), sealFile(SECRET, 'updates-20261001-0000.json', JSON.stringify(completed)));
    expect(await service.run('gas', 'schedule')).toMatchObject({ state: 'failed', updates: 0 });
    expect(lastReason()).toBe('unsignedAnswer');
    expect(getWorkOrder(hall.db, order)?.status).toBe('accepted');
    fs.rmSync(join(replyDir(), 'updates-20261001-0001.json'));
    expect(await service.run('gas', 'schedule')).toMatchObject({ state: 'failed', updates: 0 });
    expect(getWorkOrder(hall.db, order)?.status).toBe('accepted');
  });
});

/** A gas work order, with the least the schema asks for around it. */
function insertWorkOrderFixture(): number {
  const db = hall.db;
  db.prepare(`INSERT INTO staff (work_no, name, password_hash, roles, created_at, updated_at) VALUES ('C001', 'Clerk', 'x', '["clerk"]', 'now', 'now')`).run();
  db.prepare(`INSERT INTO catalogue_versions (version, published_at, source, json) VALUES (1, '2026-09-30T00:00:00.000Z', 'seed', '{}')`).run();
  db.prepare(
    `INSERT INTO customers (kind, name, id_type, id_number, phone, created_at, updated_at) VALUES ('person', '张三', 'residentId', '110105194912310029', '13800138000', 'now', 'now')`,
  ).run();
  db.prepare(
    `INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at) VALUES ('tok-aaaaaaaaaaaaaaaa', 1, 1, 'h', '{}', 'now')`,
  ).run();
  db.prepare(`UPDATE signature_requests SET status = 'signed', image = x'89504e47', signed_at = 'now'`).run();
  db.prepare(
    `INSERT INTO applications (public_token, idempotency_key, customer_id, catalogue_version, staff_id, counter_id, day, submitted_at, fee_hash, total_fen, signature_request_id, snapshot)
     VALUES ('pub-aaaaaaaaaaaaaaaa', 'key-1', 1, 1, 1, 1, '2026-09-30', '2026-09-30T02:00:00.000Z', 'h', 0, 1, '{}')`,
  ).run();
  return insertWorkOrder(db, { applicationId: 1, utility: 'gas', dueDay: '2026-10-08', at: '2026-09-30T02:00:00.000Z' });
}
