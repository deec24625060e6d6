import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { type IntakeHall, newKey, openIntakeHall, residentId, signPending } from './intake-testing.ts';
import { REVEAL_DAILY_CAP } from '../customers/contract.ts';

let hall: IntakeHall;

const alice = {
  kind: 'person' as const,
  name: '王芳',
  idType: 'residentId' as const,
  idNumber: residentId('11010519900307002'),
  mobile: '13912345678',
  accounts: [{ utility: 'water', accountNo: 'W8800123' }],
};
const bob = {
  kind: 'person' as const,
  name: '李强',
  idType: 'residentId' as const,
  idNumber: residentId('44030419781120003'),
  mobile: '13600001234',
  accounts: [],
};
const firm = {
  kind: 'enterprise' as const,
  name: '城东物业管理有限公司',
  creditCode: '91350100M000100Y43',
  contactName: '陈静',
  contactPhone: '0571-88886666',
  accounts: [],
};

const repair = { businesses: ['electricityRepair'] };

async function submitRepair(customer: typeof alice | typeof bob | typeof firm, extra: { accounts?: Record<string, string> } = {}) {
  const { requestId } = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: repair }, hall.clerk);
  await signPending(hall);
  return hall.ok(
    'intake/submit',
    { idempotencyKey: newKey(), counterId: hall.counterId, customer, selection: repair, signatureRequestId: requestId, ...extra },
    hall.clerk,
  );
}

beforeEach(async () => {
  hall = await openIntakeHall('2026-11-23T02:00:00.000Z');
});
afterEach(() => hall.close());

describe('searching applications', () => {
  it('finds by case number, ID, phone, account, name and date range, with IDs and phones masked', async () => {
    const first = await submitRepair(alice);
    hall.setTime('2026-11-24T03:00:00.000Z');
    const second = await submitRepair(bob, { accounts: { electricity: 'E5500777' } });
    hall.setTime('2026-11-25T15:30:00.000Z'); // 23:30 in Shanghai, still the 25th there
    const third = await submitRepair(alice);

    const ids = async (input: Parameters<typeof searchOf>[0]) => (await searchOf(input)).rows.map((r) => r.id);
    const searchOf = (input: {
      caseNumber?: string;
      name?: string;
      idNumber?: string;
      phone?: string;
      accountNo?: string;
      from?: string;
      to?: string;
      page?: number;
      pageSize?: number;
    }) => hall.ok('intake/search', input, hall.clerk);

    const all = await searchOf({});
    expect(all.rows.map((r) => r.id)).toEqual([third.id, second.id, first.id]);
    expect(all).toMatchObject({ total: 3, totalExact: true, page: 1, pageSize: 20 });
    const row = all.rows[2];
    expect(row).toMatchObject({
      customerName: '王芳',
      idMasked: `110105********${alice.idNumber.slice(-4)}`,
      phoneMasked: '139****5678',
      matters: [{ utility: 'electricity', business: 'electricityRepair', status: 'accepted' }],
    });
    expect(JSON.stringify(all)).not.toContain(alice.idNumber);
    expect(JSON.stringify(all)).not.toContain(alice.mobile);

    expect(await ids({ caseNumber: second.matters[0]?.caseNumber.toLowerCase() })).toEqual([second.id]);
    // The ID as a clerk may type it: spaces, a lowercase x or full-width digits are the same number.
    expect(await ids({ idNumber: ` ${alice.idNumber.slice(0, 6)} ${alice.idNumber.slice(6)}`.toLowerCase() })).toEqual([third.id, first.id]);
    expect(await ids({ phone: '136 0000 1234' })).toEqual([second.id]);
    expect(await ids({ accountNo: 'W8800123' })).toEqual([third.id, first.id]); // on the customer's record
    expect(await ids({ accountNo: 'E5500777' })).toEqual([second.id]); // named on the application
    expect(await ids({ name: '王芳' })).toEqual([third.id, first.id]);
    expect(await hall.send('intake/search', { name: '王' }, hall.clerk)).toMatchObject({
      ok: false,
      error: { details: { fields: [{ path: 'name', key: 'field.tooShort' }] } },
    });
    expect(await ids({ from: '2026-11-24', to: '2026-11-24' })).toEqual([second.id]);
    expect(await ids({ from: '2026-11-25' })).toEqual([third.id]);
    expect(await ids({ to: '2026-11-23' })).toEqual([first.id]);
    expect(await ids({ name: '王芳', from: '2026-11-24' })).toEqual([third.id]);
    expect(await ids({ phone: '13000000000' })).toEqual([]);

    const paged = await searchOf({ pageSize: 2, page: 2 });
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.rows.map((r) => r.id)).toEqual([first.id]);
  });

  it('masks an enterprise the same way and finds it by its credit code', async () => {
    const app = await submitRepair(firm);
    const found = await hall.ok('intake/search', { idNumber: firm.creditCode }, hall.clerk);
    expect(found.rows).toEqual([
      expect.objectContaining({ id: app.id, customerKind: 'enterprise', idMasked: '913501********0Y43', phoneMasked: '057****6666' }),
    ]);
  });
});

describe('customers', () => {
  it('finds a returning customer by ID, phone or account, masked, and saves no one twice', async () => {
    const saved = await hall.ok('customers/save', { customer: alice }, hall.clerk);
    expect(saved).toMatchObject({
      name: '王芳',
      idType: 'residentId',
      idMasked: `110105********${alice.idNumber.slice(-4)}`,
      phoneMasked: '139****5678',
      accounts: [{ utility: 'water', accountNo: 'W8800123' }],
    });
    for (const criterion of [{ idNumber: alice.idNumber.toLowerCase() }, { phone: '+86 139 1234 5678' }, { accountNo: 'W8800123' }, { name: '王芳' }]) {
      expect((await hall.ok('customers/find', criterion, hall.clerk)).map((c) => c.id)).toEqual([saved.id]);
    }
    // Saving the same ID again updates the contact details and adds the new account.
    const again = await hall.ok(
      'customers/save',
      { customer: { ...alice, mobile: '13800000000', accounts: [{ utility: 'gas', accountNo: 'G1' }] } },
      hall.clerk,
    );
    expect(again.id).toBe(saved.id);
    expect(again.phoneMasked).toBe('138****0000');
    expect(again.accounts.map((a) => a.accountNo).sort()).toEqual(['G1', 'W8800123']);
    expect(hall.count('customers')).toBe(1);
    expect(await hall.send('customers/find', {}, hall.clerk)).toMatchObject({ ok: false, error: { code: 'validation' } });
    // Saving is audited without the full number.
    const audit = listAudit(hall.db, { action: 'customers.save', limit: 5 });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(alice.idNumber);
  });

  it('reveals the full ID and phone only for a listed reason, and records who looked and when', async () => {
    const saved = await hall.ok('customers/save', { customer: alice }, hall.clerk);
    hall.advanceMinutes(5);
    // The manager may look up anyone, for a reason from the list.
    const revealed = await hall.ok('customers/reveal', { customerId: saved.id, reason: 'verifyIdentity' }, hall.manager);
    expect(revealed).toEqual({ customerId: saved.id, idNumber: alice.idNumber, phone: alice.mobile });
    expect(listAudit(hall.db, { action: 'customers.reveal', limit: 5 })).toEqual([
      expect.objectContaining({
        actorStaffId: hall.managerId,
        at: hall.now().toISOString(),
        target: `customer:${saved.id}`,
        after: { reason: 'verifyIdentity' },
      }),
    ]);
    expect(await hall.send('customers/reveal', { customerId: saved.id, reason: 'because' as 'verifyIdentity' }, hall.manager)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(listAudit(hall.db, { action: 'customers.reveal', limit: 5 })).toHaveLength(1);
  });

  it('lets a clerk reveal only the customer they are serving, up to a daily cap that alerts the managers', async () => {
    const saved = await hall.ok('customers/save', { customer: alice }, hall.clerk);
    // Any customer in the file: no.
    expect(await hall.send('customers/reveal', { customerId: saved.id, reason: 'verifyIdentity' }, hall.clerk)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', messageKey: 'errors.intake.revealNotYourCustomer' },
    });
    // The customer whose application the clerk took, its work order still open: yes.
    await submitRepair(alice);
    for (let i = 0; i < REVEAL_DAILY_CAP; i += 1)
      expect(await hall.send('customers/reveal', { customerId: saved.id, reason: 'contactCustomer' }, hall.clerk)).toMatchObject({ ok: true });
    const over = await hall.send('customers/reveal', { customerId: saved.id, reason: 'contactCustomer' }, hall.clerk);
    expect(over).toMatchObject({ ok: false, error: { code: 'locked', messageKey: 'errors.intake.revealCapReached' } });
    expect(hall.pushed.some((e) => e.type === 'customers/revealCapReached' && e.audience.includes('manager'))).toBe(true);
    expect(listAudit(hall.db, { action: 'customers.revealCapReached', limit: 5 })).toHaveLength(1);
    // The manager's report of reveals: who, how many, why.
    const day = hall.now().toISOString().slice(0, 10);
    const report = await hall.ok('customers/reveals', { fromDay: day, toDay: day }, hall.manager);
    expect(report.perStaff).toEqual([{ staffId: hall.clerkId, staffName: 'Staff C001 (C001)', count: REVEAL_DAILY_CAP }]);
    expect(report.entries[0]).toMatchObject({ staffId: hall.clerkId, target: `customer:${saved.id}`, reason: 'contactCustomer' });
    expect(await hall.send('customers/reveals', { fromDay: day, toDay: day }, hall.clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The next hall day starts a new count.
    hall.advanceMinutes(24 * 60);
    expect(await hall.send('customers/reveal', { customerId: saved.id, reason: 'contactCustomer' }, hall.clerk)).toMatchObject({ ok: true });
  });

  it('lets a returning customer be chosen by id, asking nothing twice', async () => {
    const saved = await hall.ok('customers/save', { customer: alice }, hall.clerk);
    const { requestId } = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: repair }, hall.clerk);
    await signPending(hall);
    const app = await hall.ok(
      'intake/submit',
      { idempotencyKey: newKey(), counterId: hall.counterId, customerId: saved.id, selection: repair, signatureRequestId: requestId },
      hall.clerk,
    );
    expect(app.customer).toMatchObject({ id: saved.id, name: '王芳' });
    expect(hall.count('customers')).toBe(1);
  });
});
