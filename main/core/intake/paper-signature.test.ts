import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { insertStaff } from '../../../db/staff.ts';
import { openStaffSession } from '../auth/sessions.ts';
import { buyer, type IntakeHall, newKey, openIntakeHall, transferDecisions } from './intake-testing.ts';

let hall: IntakeHall;

beforeEach(async () => {
  hall = await openIntakeHall();
});
afterEach(() => hall.close());

const propertyTransfer = { bundle: 'propertyTransfer' };

describe('the paper signature, for a counter without a customer screen', () => {
  it('records the signature on the printed list, audited, and the application says paper and who recorded it', async () => {
    const preview = await hall.ok('intake/preview', { selection: propertyTransfer, materials: transferDecisions }, hall.clerk);
    const paper = await hall.ok(
      'intake/recordPaperSignature',
      { counterId: hall.counterId, selection: propertyTransfer, feeHash: preview.feeHash },
      hall.clerk,
    );
    expect(paper).toMatchObject({ status: 'signed', kind: 'paper', feeHash: preview.feeHash, counterId: hall.counterId });
    expect(paper.signedAt).toBe(hall.now().toISOString());
    // The customer screen has nothing to show: nothing was sent to it.
    expect(await hall.ok('intake/pendingSignature', {}, hall.rate)).toBeNull();
    expect(listAudit(hall.db, { action: 'intake.paperSignature', limit: 10 })).toMatchObject([
      { actorStaffId: hall.clerkId, target: `signature:${paper.requestId}` },
    ]);

    const application = await hall.ok(
      'intake/submit',
      {
        idempotencyKey: newKey(),
        counterId: hall.counterId,
        customer: buyer,
        selection: propertyTransfer,
        materials: transferDecisions,
        signatureRequestId: paper.requestId,
      },
      hall.clerk,
    );
    expect(application.signature).toEqual({ signedAt: paper.signedAt, image: null, kind: 'paper', recordedBy: { name: 'Staff C001', workNo: 'C001' } });
    // Printing the receipt finds no image, and says paper all the same.
    expect((await hall.ok('intake/get', { id: application.id, withSignature: true }, hall.clerk)).signature).toMatchObject({ kind: 'paper', image: null });
  });

  it('refuses a list that changed after it was printed, and a counter the clerk does not hold', async () => {
    const preview = await hall.ok('intake/preview', { selection: propertyTransfer }, hall.clerk);
    const changed = await hall.send(
      'intake/recordPaperSignature',
      { counterId: hall.counterId, selection: { businesses: ['waterTransfer'] }, feeHash: preview.feeHash },
      hall.clerk,
    );
    expect(changed).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'errors.intake.paperListChanged' } });
    const stranger = insertStaff(hall.db, {
      workNo: 'C002',
      name: 'Other clerk',
      passwordHash: 'unused-in-tests',
      roles: ['clerk'],
      now: hall.now().toISOString(),
    });
    const token = openStaffSession(hall.db, hall.core.deps.clock, hall.core.deps.sessionPolicy, stranger.id).token;
    const other = await hall.send('intake/recordPaperSignature', { counterId: hall.counterId, selection: propertyTransfer, feeHash: preview.feeHash }, token);
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden', messageKey: 'errors.queue.notYourCounter' } });
    expect(hall.count('signature_requests')).toBe(0);
  });

  it('replaces a request still waiting on the screen, which can then no longer be signed', async () => {
    const screen = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: propertyTransfer }, hall.clerk);
    const preview = await hall.ok('intake/preview', { selection: propertyTransfer }, hall.clerk);
    await hall.ok('intake/recordPaperSignature', { counterId: hall.counterId, selection: propertyTransfer, feeHash: preview.feeHash }, hall.clerk);
    expect(await hall.ok('intake/signatureStatus', { requestId: screen.requestId }, hall.clerk)).toMatchObject({ status: 'cancelled', kind: 'screen' });
    expect(await hall.ok('intake/pendingSignature', {}, hall.rate)).toBeNull();
  });
});
