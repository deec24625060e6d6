import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCategoryByPrefix } from '../../../db/categories.ts';
import { type IntakeHall, newKey, openIntakeHall, residentId, signPending } from '../intake/intake-testing.ts';

// Wednesday 30 September 2026, 10:00 in Shanghai; the National Day week follows.
let hall: IntakeHall;
beforeEach(async () => {
  hall = await openIntakeHall();
});
afterEach(() => hall.close());

const customer = {
  kind: 'person' as const,
  name: '王芳',
  idType: 'residentId' as const,
  idNumber: residentId('11010519900307002'),
  mobile: '13912345678',
  accounts: [],
};

/** A customer called at counter 1, an application for a gas repair and a water repair accepted for the ticket, then finished. */
async function serveWithApplication() {
  const categoryId = getCategoryByPrefix(hall.db, 'A')?.id ?? 0;
  await hall.ok('queue/issue', { categoryId }, hall.clerk);
  const ticket = await hall.ok('queue/callNext', { counterId: hall.counterId }, hall.clerk);
  if (!ticket) throw new Error('nobody called');
  const selection = { businesses: ['gasRepair', 'waterRepair'] };
  const { requestId } = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection }, hall.clerk);
  await signPending(hall);
  const application = await hall.ok(
    'intake/submit',
    { idempotencyKey: newKey(), counterId: hall.counterId, ticketId: ticket.id, customer, selection, signatureRequestId: requestId },
    hall.clerk,
  );
  await hall.ok('queue/finish', { counterId: hall.counterId, ticketId: ticket.id }, hall.clerk);
  const token = /\/p\/([A-Za-z0-9_-]+)$/.exec(application.progressPath)?.[1] ?? '';
  return { application, token };
}

describe('ratings tied to the case and rated later from the receipt', () => {
  it('ties the window rating to the case numbers and matters, and a rated case cannot be rated again from the receipt', async () => {
    const { application, token } = await serveWithApplication();
    const invitation = await hall.ok('ratings/current', {}, hall.rate);
    await hall.ok('ratings/rate', { ratingId: invitation?.ratingId ?? 0, level: 1 }, hall.rate);
    const row = hall.db.prepare('SELECT application_id, utilities, matters FROM ratings').get() as {
      application_id: number;
      utilities: string;
      matters: string;
    };
    expect(row.application_id).toBe(application.id);
    expect(JSON.parse(row.utilities).sort()).toEqual(['gas', 'water']);
    expect(
      JSON.parse(row.matters)
        .map((m: { caseNumber: string }) => m.caseNumber)
        .sort(),
    ).toEqual(application.matters.map((m) => m.caseNumber).sort());

    const receipt = await hall.ok('ratings/receipt', { token });
    expect(receipt.matters.every((m) => m.intake === 'rated' && m.completed === 'notYet')).toBe(true);
    expect(JSON.stringify(receipt)).not.toContain('王芳');
    expect(await hall.send('ratings/rateReceipt', { token, stage: 'intake', level: 5 })).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.ratings.alreadyRated' },
    });
    expect(await hall.send('ratings/rateReceipt', { token, stage: 'completed', level: 2 })).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.ratings.notCompletedYet' },
    });
  });

  it('lets a customer who did not rate at the window rate from the QR code later, once per stage, and counts the service as rated', async () => {
    const { application, token } = await serveWithApplication();
    hall.advanceMinutes(2);
    const today = { from: '2026-09-30', to: '2026-09-30', groupBy: 'day' as const };
    expect((await hall.ok('ratings/figures', today, hall.manager)).total).toMatchObject({ served: 1, rated: 0, unrated: 1 });

    const later = await hall.ok('ratings/rateReceipt', { token, stage: 'intake', level: 4, reasons: ['waitTooLong'] });
    expect(later).toMatchObject({ level: 4, askReasons: false });
    expect(later.rectificationId).not.toBeNull();
    expect((await hall.ok('ratings/figures', today, hall.manager)).total).toMatchObject({ served: 1, rated: 1, unrated: 0, bad: 1 });
    // The National Day week is no working time: 30 Sep + 5 working days is 13 October.
    expect((await hall.ok('ratings/rectifications', {}, hall.manager))[0]).toMatchObject({ channel: 'qr', reasons: ['waitTooLong'], dueDay: '2026-10-13' });
    expect(await hall.send('ratings/rateReceipt', { token, stage: 'intake', level: 1 })).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.ratings.alreadyRated' },
    });

    // The gas utility completes its work order: the gas case may now be rated at 办结, once.
    const gas = hall.db.prepare(`SELECT id FROM work_orders WHERE application_id = ? AND utility = 'gas'`).get(application.id) as { id: number };
    for (const status of ['dispatched', 'taken', 'completed'] as const)
      await hall.ok('intake/setWorkOrderStatus', { workOrderId: gas.id, status }, hall.manager);
    const receipt = await hall.ok('ratings/receipt', { token });
    expect(receipt.matters.map((m) => [m.utility, m.completed]).sort()).toEqual([
      ['gas', 'open'],
      ['water', 'notYet'],
    ]);
    await hall.ok('ratings/rateReceipt', { token, stage: 'completed', level: 1 });
    expect((await hall.ok('ratings/receipt', { token })).matters.find((m) => m.utility === 'gas')?.completed).toBe('rated');
    expect(await hall.send('ratings/rateReceipt', { token, stage: 'completed', level: 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await hall.send('ratings/receipt', { token: 'x'.repeat(24) })).toMatchObject({ ok: false, error: { messageKey: 'errors.ratings.receiptNotFound' } });
  });
});
