import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buyer, type IntakeHall, newKey, openIntakeHall, signPending, transferDecisions } from '../../main/core/intake/intake-testing.ts';
import { createSyncService, type SyncService } from '../../main/utility-link/service.ts';
import { configure, outboxStates, queueRecords, SECRET, tempDir } from './sync-testing.ts';
import { type AnswerFault, startUtilityServer, type UtilityServer } from './utility-server.ts';

let hall: IntakeHall;
let dataDir: string;
let service: SyncService;
let impostor: Server | undefined;
let server: UtilityServer | undefined;

beforeEach(async () => {
  hall = await openIntakeHall();
  dataDir = tempDir('onewindow-sync-signing-');
  service = createSyncService({ deps: hall.core.deps, dataDir, retry: { attempts: 3, baseMs: 5, maxMs: 20 }, timeoutMs: 400 });
  hall.core.deps.ports.sync = service;
});

afterEach(async () => {
  await service.stop();
  await new Promise((resolve) => (impostor ? impostor.close(resolve) : resolve(undefined)));
  impostor = undefined;
  await server?.close();
  server = undefined;
  hall.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A property transfer for all four utilities, accepted at counter 1; the gas work order's id. */
async function gasWorkOrder(): Promise<number> {
  const { requestId } = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: { bundle: 'propertyTransfer' } }, hall.clerk);
  await signPending(hall);
  const application = await hall.ok(
    'intake/submit',
    {
      idempotencyKey: newKey(),
      counterId: hall.counterId,
      customer: buyer,
      selection: { bundle: 'propertyTransfer' },
      materials: transferDecisions,
      signatureRequestId: requestId,
    },
    hall.clerk,
  );
  return application.workOrders.find((w) => w.utility === 'gas')?.id ?? 0;
}

const gasStatus = (id: number) => (hall.db.prepare('SELECT status FROM work_orders WHERE id = ?').get(id) as { status: string }).status;

/**
 * Someone who is not the utility (a spoofed DNS answer, a proxy in the way) and knows nothing
 * of the shared secret: it takes every batch in and says the work order is done, signing nothing.
 */
async function startImpostor(workOrderId: number): Promise<string> {
  impostor = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://localhost');
    let answer: unknown = { error: 'not found' };
    if (url.pathname === '/sync/batches') {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { batchId: string; records: { id: string }[] };
      answer = { batchId: body.batchId, accepted: body.records.map((r) => r.id), rejected: [] };
    } else if (url.pathname === '/sync/updates') {
      const first = url.searchParams.get('since') === '';
      answer = {
        cursor: '1',
        updates: first ? [{ workOrderId: `wo-${workOrderId}`, status: 'completed', at: '2026-10-01T01:00:00.000Z', note: '已办结' }] : [],
      };
    }
    const text = JSON.stringify(answer);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  });
  await new Promise<void>((resolve) => impostor?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(impostor.address() as AddressInfo).port}/sync`;
}

describe('answers the utility did not sign', () => {
  it('an endpoint that signs nothing neither settles a batch nor moves a work order', async () => {
    const workOrderId = await gasWorkOrder();
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: await startImpostor(workOrderId) });
    const outcome = await service.run('gas', 'manual');
    expect(outcome).toMatchObject({ state: 'failed', accepted: 0, updates: 0 });
    expect(gasStatus(workOrderId)).toBe('accepted');
    expect(outboxStates(hall.db, 'gas').accepted).toBeUndefined();
    const overview = await hall.ok('sync/overview', {}, hall.manager);
    expect(overview.utilities.find((u) => u.utility === 'gas')).toMatchObject({ pending: 1, lastRun: { state: 'failed', reason: 'unsignedAnswer' } });
  });
});

/** The utility as it should be, on the hall's pinned clock (or `now`). */
async function utility(now = () => hall.now()): Promise<UtilityServer> {
  server = await startUtilityServer({ secret: SECRET, now });
  configure(hall.db, dataDir, { utility: 'gas', baseUrl: server.url });
  return server;
}

const lastReason = async () => (await hall.ok('sync/history', { utility: 'gas' }, hall.manager))[0]?.reason;

describe('answers the hall refuses', () => {
  it.each<[AnswerFault, string]>([
    ['unsigned-answer', 'unsignedAnswer'],
    ['wrong-signature', 'unsignedAnswer'],
    ['other-request', 'unsignedAnswer'],
    ['stale-answer', 'clockSkew'],
  ])('a batch answered with %s leaves its records pending, and the batch goes again under its id', async (fault, reason) => {
    const u = await utility();
    queueRecords(hall.db, 'gas', 10);
    u.faults.push(fault);
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'failed', accepted: 0 });
    expect(await lastReason()).toBe(reason);
    expect(outboxStates(hall.db, 'gas').accepted).toBeUndefined();
    const overview = await hall.ok('sync/overview', {}, hall.manager);
    expect(overview.utilities.find((x) => x.utility === 'gas')).toMatchObject({ pending: 10, openBatches: 1 });
    // The utility took the batch in; the resend under the same id is answered from its store, properly signed.
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded', accepted: 10 });
    expect(u.log.map((l) => l.outcome)).toEqual(['taken', 'replayed']);
    expect(new Set(u.log.map((l) => l.batchId)).size).toBe(1);
  });

  it.each<[AnswerFault, string]>([
    ['unsigned-answer', 'unsignedAnswer'],
    ['wrong-signature', 'unsignedAnswer'],
    ['other-request', 'unsignedAnswer'],
    ['stale-answer', 'clockSkew'],
  ])('an updates page answered with %s moves no work order, and the feed is read again next time', async (fault, reason) => {
    const workOrderId = await gasWorkOrder();
    const u = await utility();
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded', accepted: 1 });
    u.updates.push({ workOrderId: `wo-${workOrderId}`, status: 'completed', at: '2026-10-01T01:00:00.000Z', note: '已办结' });
    u.updateFaults.push(fault);
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'failed', updates: 0 });
    expect(await lastReason()).toBe(reason);
    expect(gasStatus(workOrderId)).toBe('accepted');
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded', updates: 1 });
    expect(gasStatus(workOrderId)).toBe('completed');
  });
});

describe('requests the utility refuses', () => {
  it('a request sent again as it was is refused as a replay, and the batch is not taken in twice', async () => {
    const u = await utility();
    queueRecords(hall.db, 'gas', 3);
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'succeeded', accepted: 3 });
    const captured = u.lastBatch;
    if (!captured) throw new Error('the utility saw no batch');
    const again = await fetch(`${u.url.replace(/\/sync$/, '')}${captured.path}`, {
      method: captured.method,
      headers: Object.fromEntries(Object.entries(captured.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))),
      body: captured.method === 'POST' ? new Uint8Array(captured.body) : undefined,
    });
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual({ error: 'replayed request' });
    expect(u.log.map((l) => l.outcome)).toEqual(['taken', 'replay']);
    expect([...u.deliveries.values()]).toEqual([1, 1, 1]);
  });

  it('a hall whose clock is more than 5 minutes off is refused, and the manager is told to check the clocks', async () => {
    // The utility's clock is right; the hall's runs 6 minutes fast.
    const u = await utility(() => new Date(hall.now().getTime() - 6 * 60_000));
    queueRecords(hall.db, 'gas', 3);
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'failed', accepted: 0 });
    expect(u.log.map((l) => l.outcome)).toEqual(['stale']);
    expect(await lastReason()).toBe('clockSkew');
    expect(u.records.size).toBe(0);
  });
});
