import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { insertCustomer } from '../../../db/customers.ts';
import { saveConnector } from '../../../db/sync.ts';
import { type IntakeHall, openIntakeHall } from '../intake/intake-testing.ts';
import { unavailableSyncPort } from '../sync/port.ts';
import { runRetentionIfDue } from './retention-job.ts';
import { seedApplication, seedCopy, seedTicket } from './retention-testing.ts';

// Tuesday 1 December 2026, 10:00 in Shanghai. With the default rules the last due days are:
// tickets and drops 1 November 2026 (30 days), outbox copies 4 June 2026 (180 days), signatures
// and customers 1 December 2023 (3 years) — so "before" is the next day's Shanghai midnight.
const NOW = '2026-12-01T02:00:00.000Z';
const COPIES_BEFORE = '2026-06-04T16:00:00.000Z';
const YEARS_BEFORE = '2023-12-01T16:00:00.000Z';
const DROPS_BEFORE = '2026-11-01T16:00:00.000Z';
const justBefore = (iso: string) => new Date(new Date(iso).getTime() - 1).toISOString();

let hall: IntakeHall;
let dropRoot: string;

beforeEach(async () => {
  hall = await openIntakeHall(NOW);
  dropRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-drops-'));
  // The sync engine does not run in a core test; the hall server's port gives the same roots.
  hall.core.deps.ports.sync = { ...unavailableSyncPort, dropRoots: () => [dropRoot] };
});
afterEach(() => {
  hall.close();
  fs.rmSync(dropRoot, { recursive: true, force: true });
});

const customer = (id: number) =>
  hall.db
    .prepare('SELECT kind, name, id_number AS idNumber, phone, contact_name AS contactName, address, erased_at AS erasedAt FROM customers WHERE id = ?')
    .get(id);
const accounts = (id: number) => (hall.db.prepare('SELECT count(*) AS n FROM customer_accounts WHERE customer_id = ?').get(id) as { n: number }).n;
const ticket = (id: number) => hall.db.prepare('SELECT phone, id_masked AS idMasked, status, day FROM tickets WHERE id = ?').get(id);
const signature = (id: number) =>
  hall.db.prepare(`SELECT status, length(image) AS bytes, image_erased_at AS erasedAt FROM signature_requests WHERE id = ?`).get(id);
const copy = (seq: number) => {
  const row = hall.db.prepare('SELECT data, state, personal_erased_at AS erasedAt FROM sync_outbox WHERE seq = ?').get(seq) as {
    data: string;
    state: string;
    erasedAt: string | null;
  };
  return { ...row, customer: (JSON.parse(row.data) as { customer: unknown }).customer };
};
const counts = () =>
  Object.fromEntries(
    ['tickets', 'customers', 'applications', 'work_orders', 'signature_requests', 'sync_outbox', 'sync_batches', 'application_matters'].map((t) => [
      t,
      (hall.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );

const FULL = {
  kind: 'person',
  name: '王芳',
  idType: 'residentId',
  idNumber: '110105199003070021',
  contactName: null,
  phone: '13912345678',
  address: '幸福路 8 号',
};
const STRIPPED = { kind: 'person', erased: true };

describe('the retention job', () => {
  it('erases what is due and nothing else, and the reports add up as before', async () => {
    const oldTicket = seedTicket(hall, '2026-11-01');
    const newTicket = seedTicket(hall, '2026-11-02');

    // Closed a moment before the 3-year line, every copy accepted: signature and customer go.
    const due = seedApplication(hall, {
      idNumber: '110105199003070021',
      submittedAt: '2023-06-01T02:00:00.000Z',
      closedAt: justBefore(YEARS_BEFORE),
      totalFen: 12_000,
    });
    const dueCopy = seedCopy(hall, due.workOrderId, { state: 'accepted', queuedAt: '2023-06-01T02:00:00.000Z', answeredAt: '2023-06-02T18:00:00.000Z' });
    // Closed on the line itself: kept a day more.
    const onLine = seedApplication(hall, { idNumber: '110105199003070022', submittedAt: '2023-06-01T02:00:00.000Z', closedAt: YEARS_BEFORE, totalFen: 12_000 });
    // Open for years (the utility has taken it and not finished): nothing of it is touched.
    const open = seedApplication(hall, {
      idNumber: '110105199003070023',
      submittedAt: '2020-01-06T02:00:00.000Z',
      closedAt: '2020-01-06T02:00:00.000Z',
      status: 'taken',
    });
    // Closed long ago, but the utility refused its copy and the manager has not resent it.
    const refused = seedApplication(hall, { idNumber: '110105199003070024', submittedAt: '2020-01-06T02:00:00.000Z', closedAt: '2020-02-06T02:00:00.000Z' });
    const refusedCopy = seedCopy(hall, refused.workOrderId, {
      state: 'rejected',
      queuedAt: '2020-01-06T02:00:00.000Z',
      answeredAt: '2020-01-07T02:00:00.000Z',
    });
    // A customer recorded and never served (no application): last touched before the line.
    const idle = insertCustomer(hall.db, {
      kind: 'enterprise',
      name: '城东物业',
      idType: 'creditCode',
      idNumber: '91110105MA00000001',
      contactName: '张三',
      phone: '01065550000',
      address: null,
      now: justBefore(YEARS_BEFORE),
    });
    const idleLater = insertCustomer(hall.db, {
      kind: 'enterprise',
      name: '城西物业',
      idType: 'creditCode',
      idNumber: '91110105MA00000002',
      contactName: null,
      phone: '01065550001',
      address: null,
      now: YEARS_BEFORE,
    });

    // Copies of the on-line application's work order, around the 180-day line and in each state.
    const acceptedBefore = seedCopy(hall, onLine.workOrderId, {
      state: 'accepted',
      queuedAt: '2026-06-01T02:00:00.000Z',
      answeredAt: justBefore(COPIES_BEFORE),
      version: 1,
    });
    const acceptedOnLine = seedCopy(hall, onLine.workOrderId, {
      state: 'accepted',
      queuedAt: '2026-06-01T02:00:00.000Z',
      answeredAt: COPIES_BEFORE,
      version: 2,
    });
    const supersededOld = seedCopy(hall, onLine.workOrderId, { state: 'superseded', queuedAt: '2024-01-01T02:00:00.000Z', version: 3 });
    const pendingOld = seedCopy(hall, open.workOrderId, { state: 'pending', queuedAt: '2020-01-06T02:00:00.000Z' });
    const sendingOld = seedCopy(hall, open.workOrderId, { state: 'sending', queuedAt: '2020-01-06T02:00:00.000Z', utility: 'water' });

    // Folder drops answered either side of the 30-day line, and an HTTP utility's batch.
    const outDir = path.join(dropRoot, 'gas-out');
    saveConnector(hall.db, {
      utility: 'gas',
      kind: 'folder',
      enabled: true,
      baseUrl: null,
      outDir,
      replyDir: path.join(dropRoot, 'gas-in'),
      windowStart: '01:00',
      windowEnd: '05:00',
      secretCipher: 'x',
      at: NOW,
      staffId: null,
    });
    const batch = (id: string, answeredAt: string) => {
      hall.db
        .prepare(`INSERT INTO sync_batches (id, utility, created_at, record_count, state, sent_at, answered_at) VALUES (?, 'gas', ?, 1, 'answered', ?, ?)`)
        .run(id, answeredAt, answeredAt, answeredAt);
      fs.mkdirSync(path.join(outDir, id), { recursive: true });
      fs.writeFileSync(path.join(outDir, id, 'work-orders.csv'), 'id,customer\nwo-1,王芳\n');
    };
    batch('b-old', justBefore(DROPS_BEFORE));
    batch('b-line', DROPS_BEFORE);

    const before = counts();
    const reports = async () => [
      await hall.ok('reports/monthly', { month: '2026-11' }, hall.manager),
      await hall.ok('reports/monthly', { month: '2023-06' }, hall.manager),
    ];
    const reportsBefore = await reports();

    const run = runRetentionIfDue(hall.core.deps);
    expect(run?.counts).toEqual({ ticketPhones: 1, signatures: 1, customers: 2, outboxCopies: 3, drops: 1 });

    expect(ticket(oldTicket)).toEqual({ phone: null, idMasked: null, status: 'waiting', day: '2026-11-01' });
    expect(ticket(newTicket)).toEqual({ phone: '13912345678', idMasked: '110105********0021', status: 'waiting', day: '2026-11-02' });

    expect(signature(due.signatureId)).toEqual({ status: 'signed', bytes: 0, erasedAt: NOW });
    for (const kept of [onLine, open, refused]) expect(signature(kept.signatureId)).toEqual({ status: 'signed', bytes: 9, erasedAt: null });

    expect(customer(due.customerId)).toEqual({
      kind: 'person',
      name: '',
      idNumber: `erased:${due.customerId}`,
      phone: '',
      contactName: null,
      address: null,
      erasedAt: NOW,
    });
    expect(accounts(due.customerId)).toBe(0);
    expect(
      hall.db
        .prepare('SELECT snapshot, (SELECT account_no FROM application_matters WHERE application_id = a.id) AS accountNo FROM applications a WHERE id = ?')
        .get(due.applicationId),
    ).toEqual({
      snapshot: JSON.stringify({ customer: { kind: 'person', name: '' } }),
      accountNo: null,
    });
    expect(customer(idle)).toMatchObject({ kind: 'enterprise', name: '', phone: '', contactName: null, erasedAt: NOW });
    for (const kept of [onLine.customerId, open.customerId, refused.customerId]) {
      expect(customer(kept)).toMatchObject({ name: '王芳', phone: '13912345678', contactName: '李强', address: '幸福路 8 号', erasedAt: null });
      expect(accounts(kept)).toBe(1);
    }
    expect(customer(idleLater)).toMatchObject({ name: '城西物业', erasedAt: null });

    for (const stripped of [dueCopy, acceptedBefore, supersededOld]) expect(copy(stripped)).toMatchObject({ customer: STRIPPED, erasedAt: NOW });
    for (const kept of [acceptedOnLine, pendingOld, sendingOld, refusedCopy]) expect(copy(kept)).toMatchObject({ customer: FULL, erasedAt: null });
    expect(copy(refusedCopy).state).toBe('rejected');

    expect(fs.existsSync(path.join(outDir, 'b-old'))).toBe(false);
    expect(fs.existsSync(path.join(outDir, 'b-line', 'work-orders.csv'))).toBe(true);
    expect(hall.db.prepare('SELECT id, drop_removed_at AS removedAt FROM sync_batches ORDER BY id').all()).toEqual([
      { id: 'b-line', removedAt: null },
      { id: 'b-old', removedAt: NOW },
    ]);

    // Nothing removed, and the figures the reports are made of are the same.
    expect(counts()).toEqual(before);
    expect(await reports()).toEqual(reportsBefore);
  });

  it('runs once per hall day from the upkeep tick, with one audit entry of counts and no personal data', () => {
    seedTicket(hall, '2026-10-01');
    const audits = () => listAudit(hall.db, { action: 'privacy.retentionRun', limit: 10 });
    hall.core.tick();
    hall.core.tick();
    expect(audits()).toHaveLength(1);
    const [entry] = audits();
    expect(entry).toMatchObject({
      actorStaffId: null,
      target: 'hall',
      after: { day: '2026-12-01', counts: { ticketPhones: 1, signatures: 0, customers: 0, outboxCopies: 0, drops: 0 } },
    });
    expect(JSON.stringify(entry)).not.toMatch(/139|王芳|110105/);

    // 23:59 in Shanghai is still the same hall day; midnight is the next.
    hall.setTime('2026-12-01T15:59:00.000Z');
    hall.core.tick();
    expect(audits()).toHaveLength(1);
    seedTicket(hall, '2026-11-01');
    hall.setTime('2026-12-01T16:00:00.000Z');
    hall.core.tick();
    hall.core.tick();
    expect(audits()).toHaveLength(2);
    expect(audits()[0]?.after).toMatchObject({ day: '2026-12-02', counts: { ticketPhones: 1 } });
  });
});
