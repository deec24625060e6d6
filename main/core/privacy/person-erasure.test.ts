import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { type IntakeHall, openIntakeHall } from '../intake/intake-testing.ts';
import { runRetentionIfDue } from './retention-job.ts';
import { seedApplication, seedCopy, seedTicket } from './retention-testing.ts';

// Tuesday 1 December 2026, 10:00 in Shanghai.
const NOW = '2026-12-01T02:00:00.000Z';
const ID = '110105199003070021';

let hall: IntakeHall;
beforeEach(async () => {
  hall = await openIntakeHall(NOW);
});
afterEach(() => hall.close());

const outbox = (type: string) =>
  hall.db.prepare('SELECT utility, record_id AS recordId, state, data FROM sync_outbox WHERE type = ? ORDER BY seq').all(type) as {
    utility: string;
    recordId: string;
    state: string;
    data: string;
  }[];
const customerName = (id: number) => (hall.db.prepare('SELECT name FROM customers WHERE id = ?').get(id) as { name: string }).name;

describe("a person's erasure on request", () => {
  it('is refused while an application is open, naming why, and erases nothing', async () => {
    const open = seedApplication(hall, { idNumber: ID, submittedAt: '2026-11-20T02:00:00.000Z', closedAt: '2026-11-20T02:00:00.000Z', status: 'taken' });
    const preview = await hall.ok('privacy/erasurePreview', { idNumber: ID }, hall.admin);
    expect(preview).toMatchObject({
      found: true,
      idMasked: '110105********0021',
      counts: { customers: 1, applications: 1 },
      blocks: [{ reason: 'openApplication', count: 1, untilDay: null }],
    });
    expect(await hall.send('privacy/erasePerson', { idNumber: ID, confirm: '0021' }, hall.admin)).toEqual({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.privacy.openApplication', details: { count: 1, untilDay: null } },
    });
    expect(customerName(open.customerId)).toBe('王芳');
    expect(outbox('erasure')).toEqual([]);
  });

  it('is refused while a copy waits for its utility, and while a signed fee list is evidence', async () => {
    const waiting = seedApplication(hall, { idNumber: ID, submittedAt: '2020-01-06T02:00:00.000Z', closedAt: '2020-02-06T02:00:00.000Z' });
    seedCopy(hall, waiting.workOrderId, { state: 'pending', queuedAt: '2020-02-06T02:00:00.000Z' });
    expect((await hall.send('privacy/erasePerson', { idNumber: ID, confirm: '0021' }, hall.admin)).ok).toBe(false);
    expect((await hall.ok('privacy/erasurePreview', { idNumber: ID }, hall.admin)).blocks).toEqual([{ reason: 'waitingForUtility', count: 1, untilDay: null }]);

    // A paid service closed on 10 March 2026 (Shanghai): its signed list is kept 3 years, to 10 March 2029 inclusive.
    const other = '110105199003070030';
    seedApplication(hall, { idNumber: other, submittedAt: '2026-03-01T02:00:00.000Z', closedAt: '2026-03-10T02:00:00.000Z', totalFen: 35_000 });
    expect((await hall.ok('privacy/erasurePreview', { idNumber: other }, hall.admin)).blocks).toEqual([
      { reason: 'feeEvidence', count: 1, untilDay: '2029-03-11' },
    ]);
    const refused = await hall.send('privacy/erasePerson', { idNumber: other, confirm: '0030' }, hall.admin);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'errors.privacy.feeEvidence', details: { untilDay: '2029-03-11' } } });
  });

  it('erases when nothing blocks it, asks each utility that was sent the data to erase it, and audits the masked ID only', async () => {
    const a = seedApplication(hall, {
      idNumber: ID,
      submittedAt: '2026-05-01T02:00:00.000Z',
      closedAt: '2026-05-20T02:00:00.000Z',
      ticketPhone: '13912345678',
    });
    seedCopy(hall, a.workOrderId, { state: 'accepted', queuedAt: '2026-05-01T02:00:00.000Z', answeredAt: '2026-05-02T02:00:00.000Z' });
    // Water never got its copy (superseded before any batch): it is not asked to erase anything.
    const b = seedApplication(hall, {
      idNumber: ID,
      customerId: a.customerId,
      submittedAt: '2026-06-01T02:00:00.000Z',
      closedAt: '2026-06-02T02:00:00.000Z',
      utility: 'water',
    });
    seedCopy(hall, b.workOrderId, { state: 'superseded', queuedAt: '2026-06-01T02:00:00.000Z', utility: 'water' });
    const stranger = seedApplication(hall, {
      idNumber: '110105199003070048',
      submittedAt: '2026-05-01T02:00:00.000Z',
      closedAt: '2026-05-20T02:00:00.000Z',
      ticketPhone: '13800000000',
    });
    const strangerTicket = seedTicket(hall, '2026-11-30');

    const preview = await hall.ok('privacy/erasurePreview', { idNumber: ID }, hall.admin);
    expect(preview).toEqual({
      found: true,
      idMasked: '110105********0021',
      counts: { customers: 1, applications: 2, ticketPhones: 1, signatures: 2, outboxCopies: 2 },
      utilities: ['gas'],
      blocks: [],
    });
    expect(await hall.send('privacy/erasePerson', { idNumber: ID, confirm: '1234' }, hall.admin)).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: [{ path: 'confirm', key: 'field.confirmLastDigits' }] } },
    });

    const done = await hall.ok('privacy/erasePerson', { idNumber: ID, confirm: '0021' }, hall.admin);
    expect(done).toEqual({ idMasked: '110105********0021', counts: preview.counts, utilities: ['gas'] });

    expect(hall.db.prepare('SELECT name, id_number AS idNumber, phone, erased_at AS erasedAt FROM customers WHERE id = ?').get(a.customerId)).toEqual({
      name: '',
      idNumber: `erased:${a.customerId}`,
      phone: '',
      erasedAt: NOW,
    });
    expect(hall.db.prepare('SELECT phone FROM tickets WHERE id = ?').get(a.ticketId)).toEqual({ phone: null });
    expect(hall.db.prepare('SELECT length(image) AS bytes FROM signature_requests WHERE id IN (?, ?)').all(a.signatureId, b.signatureId)).toEqual([
      { bytes: 0 },
      { bytes: 0 },
    ]);
    for (const row of outbox('workOrder')) expect(JSON.parse(row.data).customer).toEqual({ kind: 'person', erased: true });

    const [erasure, ...more] = outbox('erasure');
    expect(more).toEqual([]);
    expect(erasure).toMatchObject({ utility: 'gas', recordId: String(a.customerId), state: 'pending' });
    const data = JSON.parse(erasure?.data ?? '{}');
    expect(data).toEqual({ requestedAt: NOW, workOrderIds: [a.workOrderId], caseNumbers: [expect.stringMatching(/^G\d+$/)] });
    expect(JSON.stringify(data)).not.toMatch(/王芳|139|110105/);

    const [entry] = listAudit(hall.db, { action: 'privacy.erasePerson', limit: 5 });
    expect(entry).toMatchObject({ before: { idMasked: '110105********0021' }, after: { counts: preview.counts, utilities: ['gas'] } });
    expect(JSON.stringify(entry)).not.toContain(ID);

    // Someone else's data is untouched, and the person is not found a second time.
    expect(customerName(stranger.customerId)).toBe('王芳');
    expect(hall.db.prepare('SELECT phone FROM tickets WHERE id IN (?, ?)').all(stranger.ticketId, strangerTicket)).toEqual([
      { phone: '13800000000' },
      { phone: '13912345678' },
    ]);
    expect(await hall.send('privacy/erasePerson', { idNumber: ID, confirm: '0021' }, hall.admin)).toMatchObject({
      ok: false,
      error: { code: 'not_found', messageKey: 'errors.privacy.personNotFound' },
    });
  });

  it('refuses managers and clerks on every privacy method', async () => {
    const inputs = {
      'privacy/retention': {},
      'privacy/setRetention': {},
      'privacy/erasurePreview': { idNumber: ID },
      'privacy/erasePerson': { idNumber: ID, confirm: '0021' },
    };
    for (const [name, input] of Object.entries(inputs)) {
      for (const token of [hall.manager, hall.clerk])
        expect(await hall.core.call(name, input, token)).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } });
    }
  });
});

describe('the retention rules', () => {
  it('are read with their defaults, changed by the administrator with before and after audited, and applied by the next run', async () => {
    const read = await hall.ok('privacy/retention', {}, hall.admin);
    expect(read.rules).toEqual(read.defaults);
    expect(read.rules.ticketPhones).toEqual({ amount: 30, unit: 'days' });
    expect(read.lastRun).toBeNull();

    const tooLong = await hall.send('privacy/setRetention', { rules: { ...read.rules, signatures: { amount: 31, unit: 'years' } } }, hall.admin);
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'validation' } });

    const rules = { ...read.rules, ticketPhones: { amount: 7, unit: 'days' as const } };
    await hall.ok('privacy/setRetention', { rules }, hall.admin);
    const [entry] = listAudit(hall.db, { action: 'privacy.setRetention', limit: 5 });
    expect(entry).toMatchObject({ before: { ticketPhones: { amount: 30, unit: 'days' } }, after: { ticketPhones: { amount: 7, unit: 'days' } } });

    const lastWeek = seedTicket(hall, '2026-11-24');
    const sixDaysAgo = seedTicket(hall, '2026-11-25');
    expect(runRetentionIfDue(hall.core.deps)?.counts.ticketPhones).toBe(1);
    expect(hall.db.prepare('SELECT id, phone FROM tickets WHERE id IN (?, ?) ORDER BY id').all(lastWeek, sixDaysAgo)).toEqual([
      { id: lastWeek, phone: null },
      { id: sixDaysAgo, phone: '13912345678' },
    ]);
    expect((await hall.ok('privacy/retention', {}, hall.admin)).lastRun).toMatchObject({ day: '2026-12-01', counts: { ticketPhones: 1 } });
  });
});
