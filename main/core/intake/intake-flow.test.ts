import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buyer, type IntakeHall, newKey, openIntakeHall, SIGNATURE_PNG, signPending, transferDecisions } from './intake-testing.ts';

let hall: IntakeHall;

beforeEach(async () => {
  hall = await openIntakeHall();
});
afterEach(() => hall.close());

const propertyTransfer = { bundle: 'propertyTransfer' };

describe('the intake form, from preview to receipt', () => {
  it('accepts a property transfer for four utilities with one deferred material', async () => {
    const preview = await hall.ok('intake/preview', { selection: propertyTransfer, materials: transferDecisions }, hall.clerk);
    expect(preview.businesses.map((b) => b.code)).toEqual(['waterTransfer', 'electricityTransfer', 'gasTransfer', 'telecomTransfer']);
    // The ID card once for four utilities.
    expect(preview.materials.filter((m) => m.code === 'idCard')).toHaveLength(1);
    expect(preview.materials.find((m) => m.code === 'idCard')?.requiredBy).toHaveLength(4);
    expect(preview.materialProblems).toEqual([]);
    // Transfers are free, itemised per utility all the same.
    expect(preview.fees.utilities.map((u) => [u.utility, u.totalFen])).toEqual([
      ['water', 0],
      ['electricity', 0],
      ['gas', 0],
      ['telecom', 0],
    ]);
    // Accepted on 30 September: one working day later is 8 October, after the National Day week.
    expect(preview.acceptedOn).toBe('2026-09-30');
    expect(preview.deadlines.map((d) => [d.utility, d.dueDay])).toEqual([
      ['water', '2026-10-08'],
      ['electricity', '2026-10-08'],
      ['gas', '2026-10-08'],
      ['telecom', '2026-10-08'],
    ]);
    expect(preview.deadlines[0]?.matters[0]?.stages.map((s) => [s.code, s.dueDay])).toEqual([
      ['accept', '2026-09-30'],
      ['transferAccount', '2026-10-08'],
    ]);

    const request = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: propertyTransfer }, hall.clerk);
    expect(request).toMatchObject({ status: 'pending', feeHash: preview.feeHash, deviceIds: [hall.rateDeviceId] });
    expect(hall.pushed.find((e) => e.type === 'intake/signatureRequested')?.payload).toEqual({
      requestId: request.requestId,
      counterId: hall.counterId,
      deviceIds: [hall.rateDeviceId],
    });

    // The customer's screen shows the exact list and signs it.
    const pending = await hall.ok('intake/pendingSignature', {}, hall.rate);
    expect(pending?.feeHash).toBe(preview.feeHash);
    expect(pending?.businesses.map((b) => b.code)).toEqual(preview.businesses.map((b) => b.code));
    await signPending(hall);
    expect(await hall.ok('intake/signatureStatus', { requestId: request.requestId }, hall.clerk)).toMatchObject({ status: 'signed' });
    expect(hall.pushed.some((e) => e.type === 'intake/signed')).toBe(true);

    await hall.ok('intake/saveDraft', { counterId: hall.counterId, draft: { step: 'signed' } }, hall.clerk);
    const application = await hall.ok(
      'intake/submit',
      {
        idempotencyKey: newKey(),
        counterId: hall.counterId,
        customer: buyer,
        selection: propertyTransfer,
        materials: transferDecisions,
        signatureRequestId: request.requestId,
      },
      hall.clerk,
    );

    expect(application.matters.map((m) => m.caseNumber)).toEqual(['S20260930-0001', 'D20260930-0001', 'Q20260930-0001', 'X20260930-0001']);
    expect(application.workOrders.map((w) => [w.utility, w.status, w.dueDay])).toEqual([
      ['water', 'accepted', '2026-10-08'],
      ['electricity', 'accepted', '2026-10-08'],
      ['gas', 'accepted', '2026-10-08'],
      ['telecom', 'accepted', '2026-10-08'],
    ]);
    expect(application.workOrders[2]?.stages.map((s) => [s.caseNumber, s.code, s.dueDay])).toEqual([
      ['Q20260930-0001', 'accept', '2026-09-30'],
      ['Q20260930-0001', 'transferAccount', '2026-10-08'],
    ]);
    expect(application.workOrders[0]?.history).toEqual([{ from: null, to: 'accepted', note: null, utilityAt: null, at: hall.now().toISOString() }]);
    const deferred = application.materials.filter((m) => m.state === 'deferred');
    expect(deferred).toEqual([expect.objectContaining({ code: 'propertyCertificate', promisedDate: '2026-10-12', suppliedAt: null })]);
    expect(application.materials).toHaveLength(10);
    expect(application.customer).toMatchObject({ name: '王芳', idMasked: '110105********' + buyer.idNumber.slice(-4), phoneMasked: '139****5678' });
    expect(application.bundle?.code).toBe('propertyTransfer');
    expect(application.progressPath).toMatch(/^\/p\/[A-Za-z0-9_-]{24}$/);
    expect(application.feeHash).toBe(preview.feeHash);

    // The draft is gone; the receipt carries the signature when asked.
    expect(await hall.ok('intake/getDraft', { counterId: hall.counterId }, hall.clerk)).toBeNull();
    expect((await hall.ok('intake/get', { caseNumber: 'q20260930-0001' }, hall.clerk)).signature.image).toBeNull();
    const receipt = await hall.ok('intake/get', { caseNumber: 'q20260930-0001', withSignature: true }, hall.clerk);
    expect(receipt.id).toBe(application.id);
    expect(receipt.signature.image).toBe(SIGNATURE_PNG);
    expect(hall.pushed.find((e) => e.type === 'intake/submitted')?.payload).toMatchObject({
      applicationId: application.id,
      caseNumbers: application.matters.map((m) => m.caseNumber),
    });
    expect(hall.count('work_orders')).toBe(4);
    expect(hall.count('application_matters')).toBe(4);
  });

  it('gives the next application of the day the next number per utility', async () => {
    const submitOne = async (
      selection: { bundle?: string; businesses?: string[] },
      decisions: Record<string, { state: 'received' | 'na' | 'deferred'; promisedDate?: string }>,
    ) => {
      const { requestId } = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection }, hall.clerk);
      await signPending(hall);
      return hall.ok(
        'intake/submit',
        { idempotencyKey: newKey(), counterId: hall.counterId, customer: buyer, selection, materials: decisions, signatureRequestId: requestId },
        hall.clerk,
      );
    };
    await submitOne(propertyTransfer, transferDecisions);
    const second = await submitOne({ businesses: ['gasRepair'] }, {});
    expect(second.matters.map((m) => m.caseNumber)).toEqual(['Q20260930-0002']);
    // A returning customer (same ID) is one record.
    expect(hall.count('customers')).toBe(1);
  });

  it('makes one application of a double click or a retry with the same key', async () => {
    const { requestId } = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: propertyTransfer }, hall.clerk);
    await signPending(hall);
    const input = {
      idempotencyKey: newKey(),
      counterId: hall.counterId,
      customer: buyer,
      selection: propertyTransfer,
      materials: transferDecisions,
      signatureRequestId: requestId,
    };
    const [first, second] = await Promise.all([hall.ok('intake/submit', input, hall.clerk), hall.ok('intake/submit', input, hall.clerk)]);
    const retry = await hall.ok('intake/submit', input, hall.clerk);
    expect(second.id).toBe(first.id);
    expect(retry.matters).toEqual(first.matters);
    expect(hall.count('applications')).toBe(1);
    expect(hall.count('work_orders')).toBe(4);
    expect(hall.pushed.filter((e) => e.type === 'intake/submitted')).toHaveLength(1);
    // A new key cannot reuse the signature: one signature, one application.
    const again = await hall.send('intake/submit', { ...input, idempotencyKey: newKey() }, hall.clerk);
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'errors.intake.signatureUsed' } });
  });

  it('shows the public progress page by token with states and dates, and nothing personal', async () => {
    const { requestId } = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: propertyTransfer }, hall.clerk);
    await signPending(hall);
    const application = await hall.ok(
      'intake/submit',
      {
        idempotencyKey: newKey(),
        counterId: hall.counterId,
        customer: { ...buyer, accounts: [{ utility: 'water', accountNo: 'W8800123' }] },
        selection: propertyTransfer,
        materials: transferDecisions,
        signatureRequestId: requestId,
      },
      hall.clerk,
    );
    const token = application.progressPath.slice(3);
    const progress = await hall.ok('intake/progress', { token });
    expect(progress.workOrders.map((w) => [w.utility, w.status, w.dueDay])).toHaveLength(4);
    expect(progress.deferredMaterials).toEqual([
      { names: expect.objectContaining({ zh: expect.stringContaining('不动产权证书') }), promisedDate: '2026-10-12', supplied: false },
    ]);
    const text = JSON.stringify(progress);
    for (const secret of ['王芳', buyer.idNumber, buyer.idNumber.slice(-4), buyer.mobile, '5678', '幸福路', 'W8800123', 'signature', 'image'])
      expect(text).not.toContain(secret);
    expect(await hall.send('intake/progress', { token: 'A'.repeat(24) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('the customer screen', () => {
  it('signs only a request of its own counter, once, over the list it showed', async () => {
    const first = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: { businesses: ['gasNewConnection'] } }, hall.clerk);
    const shown = await hall.ok('intake/pendingSignature', {}, hall.rate);
    // The clerk changes an option and asks again: the screen's old list is void.
    const second = await hall.ok(
      'intake/requestSignature',
      { counterId: hall.counterId, selection: { businesses: ['gasNewConnection'] }, fees: { optionalChosen: ['gasNewConnection.gasAlarm'] } },
      hall.clerk,
    );
    expect(second.feeHash).not.toBe(first.feeHash);
    const stale = await hall.send('intake/sign', { token: shown?.token ?? '', feeHash: shown?.feeHash ?? '', image: SIGNATURE_PNG }, hall.rate);
    expect(stale).toMatchObject({ ok: false, error: { messageKey: 'errors.intake.signatureCancelled' } });
    const current = await hall.ok('intake/pendingSignature', {}, hall.rate);
    expect(current?.fees.totalFen).toBe(19800);
    expect(current?.fees.hasOptional).toBe(true);
    const wrongList = await hall.send('intake/sign', { token: current?.token ?? '', feeHash: first.feeHash, image: SIGNATURE_PNG }, hall.rate);
    expect(wrongList).toMatchObject({ ok: false, error: { messageKey: 'errors.intake.signatureMismatch' } });
    const notPng = await hall.send(
      'intake/sign',
      { token: current?.token ?? '', feeHash: current?.feeHash ?? '', image: 'data:image/png;base64,AAAA' },
      hall.rate,
    );
    expect(notPng).toMatchObject({ ok: false, error: { code: 'validation', details: { fields: [{ path: 'image', key: 'field.signatureImage' }] } } });
    await signPending(hall);
    expect(await hall.ok('intake/pendingSignature', {}, hall.rate)).toBeNull();
    const twice = await hall.send('intake/sign', { token: current?.token ?? '', feeHash: current?.feeHash ?? '', image: SIGNATURE_PNG }, hall.rate);
    expect(twice).toMatchObject({ ok: false, error: { messageKey: 'errors.intake.alreadySigned' } });
  });

  it('keeps a clerk from sending a fee list to another clerk’s counter', async () => {
    const other = (await hall.ok('queue/overview', {}, hall.clerk)).counters[1]?.id ?? 0;
    const refused = await hall.send('intake/requestSignature', { counterId: other, selection: propertyTransfer }, hall.clerk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', messageKey: 'errors.queue.notYourCounter' } });
  });
});

describe('drafts', () => {
  it('keeps the half-filled form per clerk and counter until discarded', async () => {
    expect(await hall.ok('intake/getDraft', { counterId: hall.counterId }, hall.clerk)).toBeNull();
    await hall.ok('intake/saveDraft', { counterId: hall.counterId, draft: { name: '王', businesses: ['waterTransfer'] } }, hall.clerk);
    hall.advanceMinutes(1);
    const saved = await hall.ok('intake/saveDraft', { counterId: hall.counterId, draft: { name: '王芳', businesses: ['waterTransfer'] } }, hall.clerk);
    expect(await hall.ok('intake/getDraft', { counterId: hall.counterId }, hall.clerk)).toEqual({
      draft: { name: '王芳', businesses: ['waterTransfer'] },
      updatedAt: saved.updatedAt,
    });
    // Another clerk's form at the same counter is another draft.
    expect(await hall.ok('intake/getDraft', { counterId: hall.counterId }, hall.manager)).toBeNull();
    expect(hall.count('intake_drafts')).toBe(1);
    await hall.ok('intake/discardDraft', { counterId: hall.counterId }, hall.clerk);
    expect(await hall.ok('intake/getDraft', { counterId: hall.counterId }, hall.clerk)).toBeNull();
    expect(await hall.send('intake/saveDraft', { counterId: 999, draft: {} }, hall.clerk)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
