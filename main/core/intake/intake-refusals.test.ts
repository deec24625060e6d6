import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type IntakeHall, newKey, openIntakeHall, residentId, signPending } from './intake-testing.ts';

let hall: IntakeHall;

beforeEach(async () => {
  hall = await openIntakeHall();
});
afterEach(() => hall.close());

const idNumber = residentId('11010519900307002');
const customer = {
  kind: 'person' as const,
  name: '王芳',
  idType: 'residentId' as const,
  idNumber,
  mobile: '13912345678',
  accounts: [{ utility: 'gas', accountNo: 'G7700001' }],
};

const newHome = { bundle: 'newHome' };
const newHomeDecisions = {
  idCard: { state: 'received' },
  businessLicence: { state: 'na' },
  powerOfAttorney: { state: 'na' },
  propertyCertificate: { state: 'received' },
  waterApplicationForm: { state: 'received' },
  electricityApplicationForm: { state: 'received' },
  gasApplicationForm: { state: 'received' },
  telecomApplicationForm: { state: 'received' },
} as const;

const written = [
  'customers',
  'customer_accounts',
  'applications',
  'application_matters',
  'work_orders',
  'work_order_stages',
  'work_order_events',
  'application_materials',
  'fee_lines',
  'case_sequences',
  'audit_log',
];
const snapshotCounts = () => Object.fromEntries(written.map((t) => [t, hall.count(t)]));

/** Signs a new-home fee list with the gas alarm chosen, and returns what a submission needs. */
async function signedNewHome(fees = { optionalChosen: ['gasNewConnection.gasAlarm'] }) {
  const { requestId } = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: newHome, fees }, hall.clerk);
  await signPending(hall);
  return {
    idempotencyKey: newKey(),
    counterId: hall.counterId,
    customer,
    selection: newHome,
    fees,
    materials: newHomeDecisions,
    signatureRequestId: requestId,
  };
}

describe('a submission that must be refused leaves nothing behind', () => {
  it('refuses a malformed ID number with a field error', async () => {
    const input = await signedNewHome();
    const before = snapshotCounts();
    // The last digit is the checksum: change it.
    const wrong = `${idNumber.slice(0, 17)}${idNumber.endsWith('1') ? '2' : '1'}`;
    const result = await hall.send('intake/submit', { ...input, customer: { ...customer, idNumber: wrong } }, hall.clerk);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: [{ path: 'customer.idNumber', key: 'field.residentIdChecksum' }] } },
    });
    expect(snapshotCounts()).toEqual(before);
    // A malformed phone too, and an enterprise's credit code.
    const phone = await hall.send('intake/submit', { ...input, customer: { ...customer, mobile: '1391234567' } }, hall.clerk);
    expect(phone).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'customer.mobile', key: 'field.phoneFormat' }] } } });
    const enterprise = await hall.send(
      'intake/submit',
      {
        ...input,
        customer: {
          kind: 'enterprise',
          name: '某某有限公司',
          creditCode: '91350100M000100Y4A',
          contactName: '李四',
          contactPhone: '0571-88886666',
          accounts: [],
        },
      },
      hall.clerk,
    );
    expect(enterprise).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'customer.creditCode' }] } } });
    expect(snapshotCounts()).toEqual(before);
  });

  it('refuses a material that may not be deferred, naming it', async () => {
    const input = await signedNewHome();
    const before = snapshotCounts();
    const result = await hall.send(
      'intake/submit',
      { ...input, materials: { ...newHomeDecisions, idCard: { state: 'deferred', promisedDate: '2026-10-09' } } },
      hall.clerk,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        messageKey: 'errors.intake.materialsBlockSubmit',
        details: {
          fields: [{ path: 'materials.idCard', key: 'errors.intake.materialNotDeferrable' }],
          materials: '申请人有效身份证件',
          materialsEn: "Applicant's valid ID document",
        },
      },
    });
    if (!result.ok)
      expect(result.error.details?.problems).toEqual([
        expect.objectContaining({
          material: 'idCard',
          businesses: ['waterNewConnection', 'electricityNewConnection', 'gasNewConnection', 'telecomNewConnection'],
        }),
      ]);
    expect(snapshotCounts()).toEqual(before);
  });

  it('refuses a missing mandatory material and a deferral without a date', async () => {
    const input = await signedNewHome();
    const before = snapshotCounts();
    const { gasApplicationForm: _left, ...withoutForm } = newHomeDecisions;
    const result = await hall.send('intake/submit', { ...input, materials: { ...withoutForm, propertyCertificate: { state: 'deferred' } } }, hall.clerk);
    expect(result).toMatchObject({
      ok: false,
      error: {
        details: {
          fields: [
            { path: 'materials.propertyCertificate', key: 'errors.intake.promisedDateMissing' },
            { path: 'materials.gasApplicationForm', key: 'errors.intake.materialMissing' },
          ],
        },
      },
    });
    expect(snapshotCounts()).toEqual(before);
  });

  it('refuses a fee list changed after signing: an option dropped', async () => {
    const input = await signedNewHome();
    const before = snapshotCounts();
    const result = await hall.send('intake/submit', { ...input, fees: { optionalChosen: [] } }, hall.clerk);
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'errors.intake.signatureMismatch' } });
    expect(snapshotCounts()).toEqual(before);
    // …or a business added to what was signed.
    const added = await hall.send(
      'intake/submit',
      { ...input, selection: { ...newHome, businesses: ['waterMeterTest'] }, materials: { ...newHomeDecisions } },
      hall.clerk,
    );
    expect(added).toMatchObject({ ok: false, error: { messageKey: 'errors.intake.signatureMismatch' } });
    expect(snapshotCounts()).toEqual(before);
    // What was signed still goes through.
    expect(await hall.send('intake/submit', input, hall.clerk)).toMatchObject({ ok: true });
  });

  it('refuses when the price was republished between signing and submitting', async () => {
    const input = await signedNewHome();
    const current = await hall.ok('catalogue/current', {}, hall.manager);
    const catalogue = structuredClone(current.catalogue);
    const gas = catalogue.businesses.find((b) => b.code === 'gasNewConnection');
    const alarm = gas?.fees.find((f) => f.code === 'gasAlarm');
    if (!alarm) throw new Error('no gas alarm in the seed');
    alarm.priceFen = 17800;
    await hall.ok('catalogue/publish', { catalogue }, hall.manager);
    const before = snapshotCounts();
    const result = await hall.send('intake/submit', input, hall.clerk);
    expect(result).toMatchObject({ ok: false, error: { messageKey: 'errors.intake.signatureMismatch' } });
    expect(snapshotCounts()).toEqual(before);
  });

  it('refuses a list the customer has not signed yet, and a signature of another counter', async () => {
    const { requestId } = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: newHome }, hall.clerk);
    const before = snapshotCounts();
    const input = {
      idempotencyKey: newKey(),
      counterId: hall.counterId,
      customer,
      selection: newHome,
      materials: newHomeDecisions,
      signatureRequestId: requestId,
    };
    expect(await hall.send('intake/submit', input, hall.clerk)).toMatchObject({ ok: false, error: { messageKey: 'errors.intake.notSigned' } });
    await signPending(hall);
    const elsewhere = (await hall.ok('queue/overview', {}, hall.clerk)).counters[1]?.id ?? 0;
    expect(await hall.send('intake/submit', { ...input, counterId: elsewhere }, hall.clerk)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.intake.signatureOtherCounter' },
    });
    expect(snapshotCounts()).toEqual(before);
  });

  it('refuses an account that belongs to another customer, and names the field', async () => {
    const input = await signedNewHome();
    await hall.ok(
      'customers/save',
      { customer: { ...customer, idNumber: residentId('11010519800101003'), accounts: [{ utility: 'gas', accountNo: 'G7700001' }] } },
      hall.clerk,
    );
    const before = snapshotCounts();
    const result = await hall.send('intake/submit', input, hall.clerk);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.intake.accountTaken', details: { fields: [{ path: 'customer.accounts.0.accountNo' }] } },
    });
    expect(snapshotCounts()).toEqual(before);
  });

  it('asks for exactly one of an existing customer and a new record', async () => {
    const input = await signedNewHome();
    const { customer: _typed, ...withoutCustomer } = input;
    expect(await hall.send('intake/submit', withoutCustomer, hall.clerk)).toMatchObject({
      ok: false,
      error: { details: { fields: [{ path: 'customer', key: 'field.customerRequired' }] } },
    });
    expect(await hall.send('intake/submit', { ...withoutCustomer, customerId: 4242 }, hall.clerk)).toMatchObject({
      ok: false,
      error: { code: 'not_found', messageKey: 'errors.intake.customerNotFound' },
    });
  });
});
