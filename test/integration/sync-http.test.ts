import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buyer, type IntakeHall, newKey, openIntakeHall, signPending, transferDecisions } from '../../main/core/intake/intake-testing.ts';
import { createSyncService, type SyncService } from '../../main/utility-link/service.ts';
import { configure, outboxStates, queueRecords, SECRET, tempDir } from './sync-testing.ts';
import { UNSET_HALL_CODE, writeHallCode } from '../../main/core/sync/hall-code.ts';
import { startUtilityServer, type UtilityServer } from './utility-server.ts';

let hall: IntakeHall;
let server: UtilityServer;
let dataDir: string;
let service: SyncService;

beforeEach(async () => {
  hall = await openIntakeHall();
  // The utility's clock agrees with the hall's pinned one: their times are checked against each other.
  server = await startUtilityServer({ secret: SECRET, now: () => hall.now() });
  dataDir = tempDir('onewindow-sync-');
  // Short waits so the faults below are retried within the test.
  service = createSyncService({ deps: hall.core.deps, dataDir, retry: { attempts: 6, baseMs: 5, maxMs: 50 }, timeoutMs: 400 });
  hall.core.deps.ports.sync = service;
});

afterEach(async () => {
  await service.stop();
  await server.close();
  hall.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const decisions = transferDecisions;

/** A property transfer for all four utilities, accepted at counter 1. */
async function submitTransfer() {
  const { requestId } = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: { bundle: 'propertyTransfer' } }, hall.clerk);
  await signPending(hall);
  return hall.ok(
    'intake/submit',
    {
      idempotencyKey: newKey(),
      counterId: hall.counterId,
      customer: buyer,
      selection: { bundle: 'propertyTransfer' },
      materials: decisions,
      signatureRequestId: requestId,
    },
    hall.clerk,
  );
}

const unanswered = () => (hall.db.prepare(`SELECT count(*) AS n FROM sync_batches WHERE state = 'open'`).get() as { n: number }).n;

describe('the outbox', () => {
  it("queues each utility its own part of an application as it is accepted, and a window's change", async () => {
    const application = await submitTransfer();
    const rows = hall.db.prepare('SELECT utility, type, record_id AS id, version, data FROM sync_outbox ORDER BY seq').all() as {
      utility: string;
      type: string;
      id: string;
      version: number;
      data: string;
    }[];
    expect(rows.map((r) => [r.utility, r.type, r.version])).toEqual([
      ['water', 'workOrder', 1],
      ['electricity', 'workOrder', 1],
      ['gas', 'workOrder', 1],
      ['telecom', 'workOrder', 1],
    ]);
    const gas = JSON.parse(rows[2]?.data ?? '{}');
    expect(gas.matters.map((m: { caseNumber: string }) => m.caseNumber)).toEqual(['Q20260930-0001']);
    expect(gas.fees.every((f: { business: string }) => f.business.startsWith('gas'))).toBe(true);
    expect(gas.customer).toMatchObject({ name: '王芳', phone: '13912345678' });
    expect(rows[2]?.data).not.toContain('image/png');
    expect(rows[2]?.data).not.toContain('S20260930'); // the water case number stays with water

    const gasOrder = application.workOrders.find((w) => w.utility === 'gas');
    await hall.ok('intake/setWorkOrderStatus', { workOrderId: gasOrder?.id ?? 0, status: 'dispatched' }, hall.manager);
    expect(hall.db.prepare(`SELECT version, state FROM sync_outbox WHERE utility = 'gas' ORDER BY seq`).all()).toEqual([
      { version: 1, state: 'superseded' },
      { version: 2, state: 'pending' },
    ]);
  });

  it('tells every utility of the application when a deferred material is brought in', async () => {
    await submitTransfer();
    const [owed] = (await hall.ok('intake/deferredLedger', {}, hall.clerk)).rows;
    if (!owed) throw new Error('the transfer owes its property certificate');
    await hall.ok('intake/markSupplied', { materialId: owed.materialId }, hall.clerk);
    const latest = hall.db.prepare(`SELECT utility, version, data FROM sync_outbox WHERE state = 'pending' ORDER BY utility`).all() as {
      utility: string;
      version: number;
      data: string;
    }[];
    expect(latest.map((r) => [r.utility, r.version])).toEqual([
      ['electricity', 2],
      ['gas', 2],
      ['telecom', 2],
      ['water', 2],
    ]);
    for (const r of latest) expect(JSON.parse(r.data).deferredMaterials[0].suppliedAt).not.toBeNull();
  });
});

describe('ratings in the outbox', () => {
  it('queues a rating for each utility it covers, with its own case numbers and never who rated', async () => {
    const application = await submitTransfer();
    await hall.ok('ratings/rateReceipt', { token: application.progressPath.slice(3), stage: 'intake', level: 2, reasons: ['waitTooLong'], comment: '等太久' });
    const rows = hall.db
      .prepare(`SELECT utility, record_id AS id, version, data FROM sync_outbox WHERE type = 'rating' AND state = 'pending' ORDER BY utility`)
      .all() as { utility: string; id: string; version: number; data: string }[];
    expect(rows.map((r) => r.utility)).toEqual(['electricity', 'gas', 'telecom', 'water']);
    const gas = JSON.parse(rows.find((r) => r.utility === 'gas')?.data ?? '{}');
    expect(gas).toMatchObject({
      stage: 'intake',
      level: 2,
      matters: [{ caseNumber: 'Q20260930-0001' }],
      staffWorkNo: 'C001',
      reasons: ['waitTooLong'],
      comment: '等太久',
    });
    for (const r of rows) for (const secret of ['王芳', buyer.idNumber, buyer.mobile, '幸福路', 'customer']) expect(r.data).not.toContain(secret);
  });
});

describe('the HTTP connector against a utility on 127.0.0.1', () => {
  it('delivers signed batches, and the utility holds every record once; its updates move work orders onto the progress page', async () => {
    const application = await submitTransfer();
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url });
    queueRecords(hall.db, 'gas', 1200);
    const progress: { done: number; total: number; phase: string }[] = [];
    hall.core.events.subscribe((e) => {
      if (e.type === 'sync/progress') progress.push(e.payload);
    });

    const first = await service.run('gas', 'manual');
    expect(first).toMatchObject({ state: 'succeeded', sent: 1201, accepted: 1201, rejected: 0 });
    expect(server.hall).toBe('HALL-NORTH-01');
    expect(server.records.size).toBe(1201);
    expect([...server.deliveries.values()].every((n) => n === 1)).toBe(true);
    expect(server.log.map((l) => l.outcome)).toEqual(['taken', 'taken', 'taken']); // 500 + 500 + 201
    expect(outboxStates(hall.db, 'gas')).toEqual({ accepted: 1201 });
    expect(progress.at(-1)).toMatchObject({ phase: 'succeeded', done: 1201, total: 1201 });
    // Only gas's own work order went to gas.
    const gasOrder = application.workOrders.find((w) => w.utility === 'gas');
    expect([...server.records.keys()].filter((id) => id.startsWith('wo-'))).toEqual([`wo-${gasOrder?.id}`]);

    // The utility takes and completes it; the same update arrives twice; one is about a work order it does not own.
    const waterOrder = application.workOrders.find((w) => w.utility === 'water');
    server.updates.push(
      { workOrderId: `wo-${gasOrder?.id}`, status: 'taken', at: '2026-10-01T01:10:00.000Z', note: '已接单' },
      { workOrderId: `wo-${gasOrder?.id}`, status: 'taken', at: '2026-10-01T01:10:00.000Z', note: '已接单' },
      { workOrderId: `wo-${waterOrder?.id}`, status: 'completed', at: '2026-10-01T01:11:00.000Z' },
      { workOrderId: `wo-${gasOrder?.id}`, status: 'completed', at: '2026-10-02T03:00:00.000Z', note: '过户完成' },
    );
    const second = await service.run('gas', 'manual');
    expect(second).toMatchObject({ state: 'succeeded', sent: 0, updates: 2 });
    const progressPage = await hall.ok('intake/progress', { token: application.progressPath.slice(3) });
    const gasProgress = progressPage.workOrders.find((w) => w.utility === 'gas');
    expect(gasProgress?.status).toBe('completed');
    expect(gasProgress?.history.map((h) => h.status)).toEqual(['accepted', 'taken', 'completed']);
    // The utility's own word: its note and the time it acted, not the time the hall heard of it.
    expect(gasProgress?.history.at(-1)).toMatchObject({ status: 'completed', utilityAt: '2026-10-02T03:00:00.000Z', note: '过户完成' });
    expect(gasProgress?.history[1]).toMatchObject({ status: 'taken', utilityAt: '2026-10-01T01:10:00.000Z', note: '已接单' });
    const detail = await hall.ok('intake/get', { id: application.id }, hall.clerk);
    expect(detail.workOrders.find((w) => w.utility === 'gas')?.history.at(-1)).toMatchObject({
      to: 'completed',
      note: '过户完成',
      utilityAt: '2026-10-02T03:00:00.000Z',
    });
    expect(progressPage.workOrders.find((w) => w.utility === 'water')?.status).toBe('accepted');
    // Nothing echoed back to the utility that sent it, and the cursor moved on: a third run applies nothing again.
    expect(outboxStates(hall.db, 'gas')).toEqual({ accepted: 1201 });
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded', updates: 0 });
  });

  it('applies the valid updates of a feed with one it cannot read, sets that one aside for the manager with why, and moves on', async () => {
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url });
    const application = await submitTransfer();
    const gasOrder = application.workOrders.find((w) => w.utility === 'gas');
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded' });
    // The second entry has a status the protocol does not know; the third is good and comes after it.
    server.updates.push(
      { workOrderId: `wo-${gasOrder?.id}`, status: 'taken', at: '2026-10-01T01:10:00.000Z', note: '已接单' },
      { workOrderId: `wo-${gasOrder?.id}`, status: 'suspended', at: '2026-10-01T02:00:00.000Z', note: '暂停' },
      { workOrderId: `wo-${gasOrder?.id}`, status: 'completed', at: '2026-10-02T03:00:00.000Z', note: '过户完成' },
    );
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded', updates: 2 });
    const progress = await hall.ok('intake/progress', { token: application.progressPath.slice(3) });
    expect(progress.workOrders.find((w) => w.utility === 'gas')?.status).toBe('completed');
    const quarantined = await hall.ok('sync/quarantined', { utility: 'gas' }, hall.manager);
    expect(quarantined).toEqual([expect.objectContaining({ position: 1, problem: 'unknownStatus', field: 'status' })]);
    expect(quarantined[0]?.raw).toContain('suspended');
    // The cursor moved past the page: the next run neither fails nor sets it aside again.
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded', updates: 0 });
    expect(await hall.ok('sync/quarantined', { utility: 'gas' }, hall.manager)).toHaveLength(1);
  });

  it('moves its progress as each batch is answered, not when the slowest of a round is, and says the time left', async () => {
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url });
    queueRecords(hall.db, 'gas', 1500);
    const events: { phase: string; done: number; secondsLeft: number | null }[] = [];
    hall.core.events.subscribe((e) => {
      if (e.type === 'sync/progress') events.push(e.payload);
    });
    // The round's first batch is slow at the utility; the other two are answered at once.
    let first: string | undefined;
    server.onBatch = async (batchId) => {
      first ??= batchId;
      if (batchId === first) await new Promise((r) => setTimeout(r, 350)); // within the test's 400 ms timeout
    };
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded', accepted: 1500 });
    // While the slow one was out, the two answered batches already showed, with a time left.
    expect(events.some((e) => e.phase === 'sending' && e.done === 1000 && e.secondsLeft !== null)).toBe(true);
    expect(events.at(-1)).toMatchObject({ phase: 'succeeded', done: 1500 });
  });

  it('tests a connection as saved and says what is wrong: right, wrong secret, nobody there', async () => {
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url });
    expect(await hall.ok('sync/testConnection', { utility: 'gas' }, hall.admin)).toMatchObject({ ok: true });
    // The test is a signed empty batch: nothing of the hall's records went with it.
    expect(server.records.size).toBe(0);
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url, secret: 'the-wrong-secret-000000000' });
    expect(await hall.ok('sync/testConnection', { utility: 'gas' }, hall.admin)).toEqual({ ok: false, reason: 'unauthorized' });
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: 'http://127.0.0.1:9' });
    expect(await hall.ok('sync/testConnection', { utility: 'gas' }, hall.admin)).toEqual({ ok: false, reason: 'unreachable' });
    expect(await hall.send('sync/testConnection', { utility: 'gas' }, hall.manager)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A file drop whose reply folder is not there yet: the folders are checked, no batch is written.
    configure(hall.db, dataDir, { utility: 'water', outDir: `${dataDir}/sync-drops/water-out`, replyDir: `${dataDir}/sync-drops/water-in` });
    expect(await hall.ok('sync/testConnection', { utility: 'water' }, hall.admin)).toEqual({ ok: false, reason: 'folder' });
    fs.mkdirSync(`${dataDir}/sync-drops/water-in`, { recursive: true });
    expect(await hall.ok('sync/testConnection', { utility: 'water' }, hall.admin)).toMatchObject({ ok: true });
    expect(fs.readdirSync(`${dataDir}/sync-drops/water-out`)).toEqual([]);
  });

  it('enables no connector before the hall has its code, and a second run says who holds the utility', async () => {
    writeHallCode(hall.db, UNSET_HALL_CODE);
    const refused = await hall.send('sync/saveConnector', { utility: 'gas', kind: 'http', enabled: true, baseUrl: server.url, secret: SECRET }, hall.admin);
    expect(refused).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'enabled', key: 'field.hallCodeFirst' }] } } });
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url });
    hall.db.prepare(`UPDATE sync_connectors SET lease_owner = '4242@hall-server', lease_until = '2999-01-01T00:00:00.000Z' WHERE utility = 'gas'`).run();
    expect(await service.run('gas', 'cli')).toEqual({ state: 'busy', holder: '4242@hall-server', until: '2999-01-01T00:00:00.000Z' });
  });

  it('resends an interrupted batch with the same id through a dropped connection, a 500, a timeout and a duplicated answer', async () => {
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url });
    queueRecords(hall.db, 'gas', 1500);
    server.faults.push('drop-request', 'drop-response', 'status-500', 'timeout', 'duplicate-answer');
    const outcome = await service.run('gas', 'manual');
    expect(outcome).toMatchObject({ state: 'succeeded', accepted: 1500, rejected: 0 });
    expect(server.records.size).toBe(1500);
    expect([...server.deliveries.values()].every((n) => n === 1)).toBe(true);
    // Each fault hit a batch that then went again under its own id: the utility took every batch in once, and answered the repeats from its store.
    const outcomes = server.log.map((l) => l.outcome);
    expect(outcomes.filter((o) => o === 'dropped-request')).toHaveLength(1);
    expect(outcomes.filter((o) => o === '500')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'replayed').length).toBeGreaterThanOrEqual(2); // after the cut answer and the timeout
    const ids = [...new Set(server.log.map((l) => l.batchId))];
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(server.log.filter((l) => l.batchId === id && l.outcome === 'taken')).toHaveLength(1);
    expect(outboxStates(hall.db, 'gas')).toEqual({ accepted: 1500 });
    expect((hall.db.prepare('SELECT sum(attempts) AS n FROM sync_batches').get() as { n: number }).n).toBe(4);
    expect(unanswered()).toBe(0);
  });

  it('stops at once when the hall shuts down during a retry wait, and the cut batch goes again under its id', async () => {
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url });
    queueRecords(hall.db, 'gas', 10);
    // A minute-long backoff: without the stop cutting it short, stop() outlasts the test's timeout.
    const slow = createSyncService({ deps: hall.core.deps, dataDir, retry: { attempts: 6, baseMs: 60_000, maxMs: 60_000 }, timeoutMs: 400 });
    server.faults.push('status-500');
    const running = slow.run('gas', 'manual');
    await expect.poll(() => server.log.length).toBe(1);
    await slow.stop();
    expect(await running).toMatchObject({ state: 'failed' });
    expect(unanswered()).toBe(1);
    const cut = server.log[0]?.batchId;
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded', accepted: 10 });
    expect(server.log.at(-1)?.batchId).toBe(cut);
    expect(server.records.size).toBe(10);
  });

  it('keeps a batch the utility refused (bad secret) open and resends it under the same id once the secret is right', async () => {
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url, secret: 'the-wrong-secret-000000000' });
    queueRecords(hall.db, 'gas', 10);
    const failed = await service.run('gas', 'manual');
    expect(failed).toMatchObject({ state: 'failed' });
    expect(failed.state === 'failed' && failed.error).toMatch(/401/);
    expect(server.log.map((l) => l.outcome)).toEqual(['bad-signature']); // a 401 is not retried
    expect(unanswered()).toBe(1);
    const overview = await hall.ok('sync/overview', {}, hall.manager);
    // Ten records the utility never accepted are ten waiting, not "nothing waiting", and the reason is said in words.
    expect(overview.utilities.find((u) => u.utility === 'gas')).toMatchObject({
      pending: 10,
      openBatches: 1,
      failures: 1,
      lastSuccessAt: null,
      lastRun: { state: 'failed', reason: 'unauthorized' },
      connector: { hasSecret: true },
    });
    expect(JSON.stringify(overview)).not.toContain('the-wrong-secret');
    // Red on the live hall and in the daily report too.
    expect((await hall.ok('reports/liveHall', {}, hall.manager)).alerts).toContainEqual(expect.objectContaining({ kind: 'syncFailed', items: ['gas'] }));
    const report = await hall.ok('reports/daily', { day: hall.now().toISOString().slice(0, 10) }, hall.manager);
    expect(report.sync?.utilities.find((u) => u.utility === 'gas')).toMatchObject({ lastState: 'failed', lastReason: 'unauthorized' });
    expect(report.sync?.pendingNow).toBe(10);

    await hall.ok('sync/saveConnector', { utility: 'gas', kind: 'http', enabled: true, baseUrl: server.url, secret: SECRET }, hall.admin);
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded', accepted: 10 });
    expect(server.log.map((l) => l.batchId)).toEqual([server.log[0]?.batchId, server.log[0]?.batchId]);
    expect(server.records.size).toBe(10);
  });

  it('counts the records of an outage as waiting and says the utility cannot be reached', async () => {
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: 'http://127.0.0.1:9' });
    queueRecords(hall.db, 'gas', 8);
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'failed' });
    const overview = await hall.ok('sync/overview', {}, hall.manager);
    expect(overview.utilities.find((u) => u.utility === 'gas')).toMatchObject({ pending: 8, lastRun: { state: 'failed', reason: 'unreachable' } });
    expect(overview.utilities.some((u) => u.utility === 'ratingPlatform' && u.names.zh === '政务服务好差评平台')).toBe(true);
  });

  it('shows a returned work order’s reason and the utility’s own time on the progress page', async () => {
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url });
    const application = await submitTransfer();
    const gasOrder = application.workOrders.find((w) => w.utility === 'gas');
    await service.run('gas', 'manual');
    server.updates.push({ workOrderId: `wo-${gasOrder?.id}`, status: 'returned', at: '2026-10-01T06:30:00.000Z', note: '地址不符，请核对房产证地址' });
    await service.run('gas', 'manual');
    const progress = await hall.ok('intake/progress', { token: application.progressPath.slice(3) });
    expect(progress.workOrders.find((w) => w.utility === 'gas')?.history.at(-1)).toMatchObject({
      status: 'returned',
      utilityAt: '2026-10-01T06:30:00.000Z',
      note: '地址不符，请核对房产证地址',
    });
  });

  it('shows the manager what was rejected and why, and a corrected record goes again as a new version', async () => {
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url });
    queueRecords(hall.db, 'gas', 5);
    server.rejectIf = (r) => (r.id === 'cp-3' && !r.data.accountNo ? 'accountNo missing: 缺少用户号' : undefined);
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded', accepted: 4, rejected: 1 });
    const rejected = await hall.ok('sync/rejected', { utility: 'gas' }, hall.manager);
    expect(rejected).toEqual([expect.objectContaining({ type: 'complaint', recordId: '3', version: 1, reason: 'accountNo missing: 缺少用户号' })]);
    expect(await hall.send('sync/rejected', { utility: 'gas' }, hall.clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const seq = rejected[0]?.seq ?? 0;
    await hall.ok('sync/resend', { seq, data: { ...rejected[0]?.data, accountNo: 'Q8800123' } }, hall.manager);
    expect(await hall.ok('sync/rejected', { utility: 'gas' }, hall.manager)).toEqual([]);
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded', accepted: 1, rejected: 0 });
    expect(server.records.get('cp-3')).toMatchObject({ version: 2, data: expect.objectContaining({ accountNo: 'Q8800123' }) });
    expect(hall.db.prepare(`SELECT action FROM audit_log WHERE action = 'sync.resend'`).all()).toHaveLength(1);

    const day = await hall.ok('sync/daySummary', { day: '2026-09-30' }, hall.manager);
    expect(day.find((d) => d.utility === 'gas')).toMatchObject({ status: 'ok', runs: 2, sent: 6, accepted: 5, rejected: 1, pending: 0 });
  });

  it('starts a run from the manager\'s "sync now" and pushes its progress', async () => {
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url });
    queueRecords(hall.db, 'gas', 700);
    const done = new Promise<void>((resolve) =>
      hall.core.events.subscribe((e) => {
        if (e.type === 'sync/progress' && e.payload.phase === 'succeeded') resolve();
      }),
    );
    expect(await hall.ok('sync/runNow', { utility: 'gas' }, hall.manager)).toEqual({ started: ['gas'] });
    await done;
    expect(server.records.size).toBe(700);
    expect(await hall.send('sync/runNow', { utility: 'water' }, hall.manager)).toMatchObject({
      ok: false,
      error: { code: 'not_found', messageKey: 'errors.sync.noConnector' },
    });
    const history = await hall.ok('sync/history', { utility: 'gas' }, hall.manager);
    expect(history[0]).toMatchObject({ trigger: 'manual', state: 'succeeded', sent: 700 });
  });
});
