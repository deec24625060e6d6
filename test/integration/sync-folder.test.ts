import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { getWorkOrder, insertWorkOrder } from '../../db/work-orders.ts';
import type { TestHall } from '../../main/core/testing.ts';
import { openTestHall } from '../../main/core/testing.ts';
import { parseCsv } from '../../main/sync/csv.ts';
import { type Manifest, MANIFEST } from '../../main/sync/folder-connector.ts';
import { signBody } from '../../main/sync/protocol.ts';
import { createSyncService, type SyncService } from '../../main/sync/service.ts';
import { configure, outboxStates, queueRecords, SECRET, tempDir } from './sync-testing.ts';

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

it('drops each batch as CSV files with a manifest of row counts and SHA-256, and reads the answers and updates back from the reply folder', async () => {
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
    const manifestText = fs.readFileSync(join(outDir, batchId, MANIFEST), 'utf8');
    const manifest = JSON.parse(manifestText) as Manifest;
    expect(manifest).toMatchObject({ protocol: 'onewindow.sync/1', hall: 'HALL-NORTH-01', utility: 'gas', batchId });
    expect(fs.readFileSync(join(outDir, batchId, 'manifest.sig'), 'utf8').trim()).toBe(signBody(SECRET, manifestText));
    for (const file of manifest.files) {
      const text = fs.readFileSync(join(outDir, batchId, file.file), 'utf8');
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
  const idsOf = (batchId: string | undefined) => parseCsv(fs.readFileSync(join(outDir, batchId ?? '', 'complaints.csv'), 'utf8')).slice(1).map((r) => r[0] ?? '');
  const ids1 = idsOf(b1);
  fs.writeFileSync(join(replyDir, `${b1}.json`), JSON.stringify({ batchId: b1, accepted: ids1.slice(1), rejected: [{ id: ids1[0], reason: '用户号不存在' }] }));
  fs.writeFileSync(join(replyDir, `${b2}.json`), JSON.stringify({ batchId: b2, accepted: idsOf(b2), rejected: [] }));
  fs.writeFileSync(join(replyDir, 'updates-20261001-0001.json'), JSON.stringify({ updates: [{ workOrderId: `wo-${order}`, status: 'taken', at: '2026-10-01T01:00:00.000Z', note: null }] }));
  expect(await service.run('gas', 'schedule')).toMatchObject({ state: 'succeeded', accepted: 619, rejected: 1, updates: 1 });
  expect(outboxStates(hall.db, 'gas')).toEqual({ accepted: 619, rejected: 1 });
  expect(getWorkOrder(hall.db, order)?.status).toBe('taken');
  expect(fs.readdirSync(join(replyDir, 'processed')).sort()).toEqual([`${b1}.json`, `${b2}.json`].sort());
  // The updates file is read once.
  expect(await service.run('gas', 'schedule')).toMatchObject({ state: 'succeeded', updates: 0 });
});

/** A gas work order, with the least the schema asks for around it. */
function insertWorkOrderFixture(): number {
  const db = hall.db;
  db.prepare(`INSERT INTO staff (work_no, name, password_hash, roles, created_at, updated_at) VALUES ('C001', 'Clerk', 'x', '["clerk"]', 'now', 'now')`).run();
  db.prepare(`INSERT INTO catalogue_versions (version, published_at, source, json) VALUES (1, '2026-09-30T00:00:00.000Z', 'seed', '{}')`).run();
  db.prepare(`INSERT INTO customers (kind, name, id_type, id_number, phone, created_at, updated_at) VALUES ('person', '张三', 'residentId', '110105194912310029', '13800138000', 'now', 'now')`).run();
  db.prepare(`INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at) VALUES ('tok-aaaaaaaaaaaaaaaa', 1, 1, 'h', '{}', 'now')`).run();
  db.prepare(`UPDATE signature_requests SET status = 'signed', image = x'89504e47', signed_at = 'now'`).run();
  db.prepare(
    `INSERT INTO applications (public_token, idempotency_key, customer_id, catalogue_version, staff_id, counter_id, day, submitted_at, fee_hash, total_fen, signature_request_id, snapshot)
     VALUES ('pub-aaaaaaaaaaaaaaaa', 'key-1', 1, 1, 1, 1, '2026-09-30', '2026-09-30T02:00:00.000Z', 'h', 0, 1, '{}')`,
  ).run();
  return insertWorkOrder(db, { applicationId: 1, utility: 'gas', dueDay: '2026-10-08', at: '2026-09-30T02:00:00.000Z' });
}
