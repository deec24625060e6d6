import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { type IntakeHall, newKey, openIntakeHall, residentId, signPending } from './intake-testing.ts';

let hall: IntakeHall;

beforeEach(async () => {
  // Wednesday 30 September 2026, the last working day before the National Day week (1–7 October).
  hall = await openIntakeHall('2026-09-30T02:00:00.000Z');
});
afterEach(() => hall.close());

const customer = {
  kind: 'person' as const,
  name: '周杰',
  idType: 'residentId' as const,
  idNumber: residentId('31010419870405005'),
  mobile: '13512345678',
  accounts: [],
};
const gasTransfer = { businesses: ['gasTransfer'] };
const gasTransferDecisions = {
  idCard: { state: 'received' },
  businessLicence: { state: 'na' },
  powerOfAttorney: { state: 'na' },
  propertyCertificate: { state: 'received' },
  transferAgreement: { state: 'na' },
  settlementReceipt: { state: 'deferred', promisedDate: '2026-10-09' },
  gasApplicationForm: { state: 'received' },
} as const;

async function submitGasTransfer() {
  const { requestId } = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: gasTransfer }, hall.clerk);
  await signPending(hall);
  return hall.ok(
    'intake/submit',
    { idempotencyKey: newKey(), counterId: hall.counterId, customer, selection: gasTransfer, materials: gasTransferDecisions, signatureRequestId: requestId },
    hall.clerk,
  );
}

/** 10:00 in Shanghai on a day. */
const at = (day: string) => `${day}T02:00:00.000Z`;

describe('the overdue list', () => {
  it('counts across the National Day week: due 8 October, overdue only from the 9th', async () => {
    const app = await submitGasTransfer();
    expect(app.workOrders[0]?.dueDay).toBe('2026-10-08');
    const overdue = async (day: string) => {
      hall.setTime(at(day));
      return (await hall.ok('intake/overdue', { warnBeforeWorkingDays: 0 }, hall.clerk)).items.map((i) => [
        i.kind,
        i.stage?.code ?? null,
        i.level,
        i.workingDaysLeft,
      ]);
    };
    // The window's own stage (受理派单) was due the day of acceptance.
    expect(await overdue('2026-09-30')).toEqual([['stage', 'accept', 'warning', 0]]);
    // Seven calendar days later, in the holiday: the accept stage is late (by no working day yet), the transfer is not.
    expect(await overdue('2026-10-07')).toEqual([['stage', 'accept', 'overdue', 0]]);
    expect(await overdue('2026-10-08')).toEqual([
      ['stage', 'accept', 'overdue', -1],
      ['workOrder', null, 'warning', 0],
      ['stage', 'transferAccount', 'warning', 0],
    ]);
    expect(await overdue('2026-10-09')).toEqual([
      ['stage', 'accept', 'overdue', -2],
      ['workOrder', null, 'overdue', -1],
      ['stage', 'transferAccount', 'overdue', -1],
    ]);
  });

  it('warns a working day ahead by default, and drops what is completed', async () => {
    const app = await submitGasTransfer();
    const workOrderId = app.workOrders[0]?.id ?? 0;
    hall.setTime(at('2026-10-06'));
    const list = await hall.ok('intake/overdue', {}, hall.manager);
    expect(list.today).toBe('2026-10-06');
    expect(list.items.find((i) => i.kind === 'workOrder')).toMatchObject({
      level: 'warning',
      workingDaysLeft: 1,
      caseNumbers: [app.matters[0]?.caseNumber],
      utility: 'gas',
    });

    // Dispatching ends the window's stage; completion ends the rest.
    await hall.ok('intake/setWorkOrderStatus', { workOrderId, status: 'dispatched' }, hall.manager);
    expect((await hall.ok('intake/overdue', {}, hall.manager)).items.map((i) => i.stage?.code ?? 'workOrder')).toEqual(['workOrder', 'transferAccount']);
    await hall.ok('intake/setWorkOrderStatus', { workOrderId, status: 'completed', note: '燃气公司已办结' }, hall.manager);
    expect((await hall.ok('intake/overdue', {}, hall.manager)).items).toEqual([]);
  });
});

describe('work order states', () => {
  it('moves forward only, records every change with its time, and audits it', async () => {
    const app = await submitGasTransfer();
    const workOrderId = app.workOrders[0]?.id ?? 0;
    hall.advanceMinutes(60);
    expect(await hall.ok('intake/setWorkOrderStatus', { workOrderId, status: 'dispatched' }, hall.manager)).toEqual({
      workOrderId,
      from: 'accepted',
      to: 'dispatched',
      at: hall.now().toISOString(),
    });
    hall.advanceMinutes(60);
    await hall.ok('intake/setWorkOrderStatus', { workOrderId, status: 'taken' }, hall.manager);
    const back = await hall.send('intake/setWorkOrderStatus', { workOrderId, status: 'dispatched' }, hall.manager);
    expect(back).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.intake.workOrderTransition', details: { from: 'taken', to: 'dispatched' } },
    });
    await hall.ok('intake/setWorkOrderStatus', { workOrderId, status: 'returned', note: '材料不全' }, hall.manager);
    expect(await hall.send('intake/setWorkOrderStatus', { workOrderId, status: 'completed' }, hall.manager)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    const view = await hall.ok('intake/get', { id: app.id, withSignature: false }, hall.clerk);
    expect(view.workOrders[0]?.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'accepted'],
      ['accepted', 'dispatched'],
      ['dispatched', 'taken'],
      ['taken', 'returned'],
    ]);
    const rows = hall.db.prepare('SELECT to_status AS "to", source, staff_id AS staffId, note FROM work_order_events ORDER BY id').all();
    expect(rows.at(-1)).toEqual({ to: 'returned', source: 'manager', staffId: hall.managerId, note: '材料不全' });
    expect(listAudit(hall.db, { action: 'intake.setWorkOrderStatus', limit: 10 })).toHaveLength(3);
    expect(hall.pushed.filter((e) => e.type === 'intake/workOrderChanged').map((e) => e.payload)).toHaveLength(3);
    // The progress page shows the same history, without people.
    const progress = await hall.ok('intake/progress', { token: view.progressPath.slice(3) });
    expect(progress.workOrders[0]?.history.map((h) => h.status)).toEqual(['accepted', 'dispatched', 'taken', 'returned']);
    expect(await hall.send('intake/setWorkOrderStatus', { workOrderId, status: 'completed' }, hall.clerk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('the deferred materials ledger', () => {
  it('lists what is owed by promised date, reminds the day before, flags it overdue after, and marks it supplied (audited)', async () => {
    const app = await submitGasTransfer();
    hall.setTime(at('2026-10-08'));
    const remind = await hall.ok('intake/deferredLedger', {}, hall.clerk);
    expect(remind).toMatchObject({ today: '2026-10-08', total: 1 });
    expect(remind.rows).toEqual([
      expect.objectContaining({
        applicationId: app.id,
        caseNumbers: [app.matters[0]?.caseNumber],
        customerName: '周杰',
        phoneMasked: '135****5678',
        code: 'settlementReceipt',
        promisedDate: '2026-10-09',
        suppliedAt: null,
        overdue: false,
        remind: true,
      }),
    ]);
    hall.setTime(at('2026-10-12'));
    const late = await hall.ok('intake/deferredLedger', {}, hall.clerk);
    expect(late.rows[0]).toMatchObject({ overdue: true, remind: false });

    const materialId = late.rows[0]?.materialId ?? 0;
    expect(await hall.ok('intake/markSupplied', { materialId, note: '客户已补交缴费凭证' }, hall.clerk)).toEqual({
      materialId,
      suppliedAt: hall.now().toISOString(),
    });
    expect((await hall.ok('intake/deferredLedger', {}, hall.clerk)).rows).toEqual([]);
    expect((await hall.ok('intake/deferredLedger', { which: 'supplied' }, hall.clerk)).rows[0]).toMatchObject({ materialId, overdue: false, remind: false });
    expect(await hall.send('intake/markSupplied', { materialId }, hall.clerk)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.intake.materialAlreadySupplied' },
    });
    const received = app.materials.find((m) => m.code === 'idCard')?.id ?? 0;
    expect(await hall.send('intake/markSupplied', { materialId: received }, hall.clerk)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.intake.materialNotDeferred' },
    });
    expect(listAudit(hall.db, { action: 'intake.markSupplied', limit: 5 })).toEqual([
      expect.objectContaining({ actorStaffId: hall.clerkId, target: `applicationMaterial:${materialId}` }),
    ]);
    const progress = await hall.ok('intake/progress', { token: app.progressPath.slice(3) });
    expect(progress.deferredMaterials).toEqual([expect.objectContaining({ promisedDate: '2026-10-09', supplied: true })]);
  });
});
