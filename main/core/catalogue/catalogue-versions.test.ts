import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { inTransaction } from '../../../db/connection.ts';
import { currentCatalogue, publishNextCatalogue } from './catalogue-store.ts';
import { type IntakeHall, newKey, openIntakeHall, residentId, signPending } from '../intake/intake-testing.ts';

let hall: IntakeHall;

beforeEach(async () => {
  hall = await openIntakeHall();
});
afterEach(() => hall.close());

const meterTest = { businesses: ['waterMeterTest'] };
const meterTestDecisions = { idCard: { state: 'received' }, powerOfAttorney: { state: 'na' }, waterApplicationForm: { state: 'received' } } as const;
const customer = {
  kind: 'person' as const,
  name: '赵敏',
  idType: 'residentId' as const,
  idNumber: residentId('32010619851212004'),
  mobile: '13700001111',
  accounts: [],
};

async function submitMeterTest() {
  const { requestId } = await hall.ok('intake/requestSignature', { counterId: hall.counterId, selection: meterTest }, hall.clerk);
  await signPending(hall);
  return hall.ok(
    'intake/submit',
    { idempotencyKey: newKey(), counterId: hall.counterId, customer, selection: meterTest, materials: meterTestDecisions, signatureRequestId: requestId },
    hall.clerk,
  );
}

describe('catalogue versions', () => {
  it('starts a new hall on the shipped default as version 1', async () => {
    const current = await hall.ok('catalogue/current', {}, hall.clerk);
    expect(current.version).toBe(1);
    expect(current.catalogue.businesses).toHaveLength(48);
    expect(await hall.ok('catalogue/versions', {}, hall.manager)).toEqual([
      { version: 1, publishedAt: '2026-11-22T00:00:00.000Z', publishedBy: null, source: 'seed' },
    ]);
  });

  it('keeps an application on the rules and prices it was made under', async () => {
    const old = await submitMeterTest();
    expect(old.catalogueVersion).toBe(1);
    expect(old.fees.totalFen).toBe(5000);

    const current = await hall.ok('catalogue/current', {}, hall.manager);
    const catalogue = structuredClone(current.catalogue);
    const fee = catalogue.businesses.find((b) => b.code === 'waterMeterTest')?.fees.find((f) => f.code === 'meterTestFee');
    if (!fee) throw new Error('no meter test fee');
    fee.priceFen = 6000;
    hall.advanceMinutes(30);
    expect(await hall.ok('catalogue/publish', { catalogue }, hall.manager)).toEqual({ version: 2, publishedAt: hall.now().toISOString() });

    // The old application still shows what the customer signed under version 1…
    const reread = await hall.ok('intake/get', { id: old.id, withSignature: false }, hall.clerk);
    expect(reread.catalogueVersion).toBe(1);
    expect(reread.fees.totalFen).toBe(5000);
    expect(reread.fees.utilities[0]?.lines[0]).toMatchObject({ fee: 'meterTestFee', priceFen: 5000, amountFen: 5000 });
    // …while a new one is priced on version 2.
    expect((await hall.ok('intake/preview', { selection: meterTest }, hall.clerk)).fees.totalFen).toBe(6000);
    const next = await submitMeterTest();
    expect(next.catalogueVersion).toBe(2);
    expect(next.fees.totalFen).toBe(6000);

    const versions = await hall.ok('catalogue/versions', {}, hall.manager);
    expect(versions.map((v) => [v.version, v.source, v.publishedBy])).toEqual([
      [2, 'edit', 'Staff M001'],
      [1, 'seed', null],
    ]);
    expect(listAudit(hall.db, { action: 'catalogue.publish', limit: 5 })).toEqual([
      expect.objectContaining({ actorStaffId: hall.managerId, target: 'catalogue:2' }),
    ]);
  });

  it('never serves a version read inside a publication that was rolled back', async () => {
    const current = await hall.ok('catalogue/current', {}, hall.manager);
    const priced = (priceFen: number) => {
      const catalogue = structuredClone(current.catalogue);
      const fee = catalogue.businesses.find((b) => b.code === 'waterMeterTest')?.fees.find((f) => f.code === 'meterTestFee');
      if (fee) fee.priceFen = priceFen;
      return catalogue;
    };
    expect(() =>
      inTransaction(hall.db, () => {
        publishNextCatalogue(hall.db, priced(7000), { staffId: hall.managerId, source: 'edit', at: hall.now() });
        expect(currentCatalogue(hall.db).version).toBe(2);
        throw new Error('the audit failed');
      }),
    ).toThrow('the audit failed');
    hall.advanceMinutes(1);
    await hall.ok('catalogue/publish', { catalogue: priced(8000) }, hall.manager);
    expect((await hall.ok('intake/preview', { selection: meterTest }, hall.clerk)).fees.totalFen).toBe(8000);
  });

  it('exports a version as a file and imports it back as the next version', async () => {
    const exported = await hall.ok('catalogue/export', {}, hall.manager);
    expect(exported.fileName).toBe('onewindow-catalogue-v1.json');
    const edited = exported.text.replace('"priceFen": 5000', '"priceFen": 5500');
    expect(await hall.ok('catalogue/publish', { file: edited }, hall.manager)).toMatchObject({ version: 2 });
    expect((await hall.ok('intake/preview', { selection: meterTest }, hall.clerk)).fees.totalFen).toBe(5500);
    expect((await hall.ok('catalogue/versions', {}, hall.manager))[0]?.source).toBe('import');
    // Version 1 can still be exported as it was.
    expect((await hall.ok('catalogue/export', { version: 1 }, hall.manager)).text).toBe(exported.text);
  });

  it('refuses a broken file by the path of each problem, and publishes nothing', async () => {
    const exported = await hall.ok('catalogue/export', {}, hall.manager);
    const broken = exported.text.replace('"utility": "water"', '"utility": "steam"');
    const result = await hall.send('catalogue/publish', { file: broken }, hall.manager);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        messageKey: 'errors.intake.catalogueInvalid',
        details: { fields: [{ key: 'field.unknownUtility', params: { where: 'catalogue.businesses[waterNewConnection].utility' } }] },
      },
    });
    expect(await hall.send('catalogue/publish', { file: 'not json' }, hall.manager)).toMatchObject({
      ok: false,
      error: { code: 'malformed', messageKey: 'errors.intake.fileNotJson' },
    });
    expect(await hall.send('catalogue/publish', {}, hall.manager)).toMatchObject({
      ok: false,
      error: { details: { fields: [{ key: 'field.catalogueOrFile' }] } },
    });
    expect(await hall.ok('catalogue/versions', {}, hall.manager)).toHaveLength(1);
    // Clerks read the catalogue but do not publish it.
    expect(await hall.send('catalogue/publish', { file: exported.text }, hall.clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the working calendar', () => {
  it('shows 2026 as chinese-days ships it', async () => {
    const year = await hall.ok('calendar/get', {}, hall.clerk);
    expect(year).toMatchObject({ year: 2026, published: true, overrides: [], importedYears: [] });
    expect(year.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(year.holidays).toContain('2026-10-07');
  });

  it("moves deadlines by a manager's mark on a day, audited, and restores them when it is removed", async () => {
    const due = async () => (await hall.ok('intake/preview', { selection: meterTest }, hall.clerk)).deadlines[0]?.dueDay;
    // 30 September + 7 working days: 8, 9, 10 (make-up Saturday), 12, 13, 14, 15 October.
    expect(await due()).toBe('2026-10-15');
    await hall.ok('calendar/setDay', { date: '2026-10-12', kind: 'holiday' }, hall.manager);
    expect(await due()).toBe('2026-10-16');
    await hall.ok('calendar/setDay', { date: '2026-10-11', kind: 'workday' }, hall.manager);
    expect(await due()).toBe('2026-10-15');
    expect((await hall.ok('calendar/get', { year: 2026 }, hall.clerk)).overrides.map((o) => [o.date, o.kind])).toEqual([
      ['2026-10-11', 'workday'],
      ['2026-10-12', 'holiday'],
    ]);
    await hall.ok('calendar/setDay', { date: '2026-10-12', kind: 'none' }, hall.manager);
    await hall.ok('calendar/setDay', { date: '2026-10-11', kind: 'none' }, hall.manager);
    expect(await due()).toBe('2026-10-15');
    expect(listAudit(hall.db, { action: 'calendar.setDay', limit: 10 })).toHaveLength(4);
    expect(await hall.send('calendar/setDay', { date: '2026-10-12', kind: 'holiday' }, hall.clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('imports a year not yet shipped, which makes its deadlines final', async () => {
    // 2027 is not in chinese-days 1.5.7: deadlines running into it are provisional.
    hall.setTime('2026-12-30T02:00:00.000Z');
    const before = await hall.ok('intake/preview', { selection: meterTest }, hall.clerk);
    expect(before.deadlines[0]).toMatchObject({ dueDay: '2027-01-08', provisional: true });
    const file = JSON.stringify({ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'], workdays: ['2027-01-09'] });
    expect(await hall.ok('calendar/importYear', { file }, hall.manager)).toEqual({ year: 2027, holidays: 4, workdays: 1, moved: [] });
    const after = await hall.ok('intake/preview', { selection: meterTest }, hall.clerk);
    expect(after.deadlines[0]).toMatchObject({ dueDay: '2027-01-11', provisional: false });
    expect((await hall.ok('calendar/get', { year: 2027 }, hall.clerk)).importedYears.map((y) => y.year)).toEqual([2027]);
    const wrong = await hall.send('calendar/importYear', { file: JSON.stringify({ year: 2027, holidays: ['2028-01-01'], workdays: [] }) }, hall.manager);
    expect(wrong).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.intake.calendarYearInvalid', details: { fields: [{ key: 'field.dayOutsideYear' }] } },
    });
  });

  it('recomputes the open deadlines counted into a newly imported year, one audit entry each, and leaves closed ones alone', async () => {
    // Wednesday 30 December 2026, 10:00 in the hall: 2027's holidays are not known yet.
    hall.setTime('2026-12-30T02:00:00.000Z');
    const application = await submitMeterTest();
    const complaint = await hall.ok(
      'complaints/register',
      { channel: 'window', complainantName: '钱七', content: '水表检定结果有异议', receivedAt: hall.now().toISOString() },
      hall.manager,
    );
    const settled = await hall.ok(
      'complaints/register',
      { channel: 'window', complainantName: '孙八', content: '已当场解决', receivedAt: hall.now().toISOString() },
      hall.manager,
    );
    await hall.ok('complaints/investigate', { id: settled.id, investigation: '当场核实' }, hall.manager);
    await hall.ok('complaints/reply', { id: settled.id, replyDay: '2026-12-30', method: 'phone', content: '已答复' }, hall.manager);
    await hall.ok('complaints/close', { id: settled.id, accountability: '无' }, hall.manager);
    // Counted with weekends only in 2027: five working days are 31 Dec, 1, 4, 5, 6 January.
    expect(complaint.dueDay).toBe('2027-01-06');
    const matter = hall.db.prepare('SELECT id, due_day AS dueDay FROM application_matters WHERE application_id = ?').get(application.id) as {
      id: number;
      dueDay: string;
    };
    expect(matter.dueDay).toBe('2027-01-08');

    const file = JSON.stringify({ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'], workdays: ['2027-01-09'] });
    const imported = await hall.ok('calendar/importYear', { file }, hall.manager);

    // 1–4 January rest, Saturday 9 January is worked: the same counts now end later.
    expect(imported.moved).toEqual(
      expect.arrayContaining([
        { kind: 'matter', id: matter.id, label: expect.stringMatching(/^[A-Z]/), from: '2027-01-08', to: '2027-01-11' },
        { kind: 'complaint', id: complaint.id, label: `#${complaint.id}`, from: '2027-01-06', to: '2027-01-08' },
      ]),
    );
    expect(imported.moved.map((m) => m.kind)).toEqual(expect.arrayContaining(['matter', 'workOrder', 'stage', 'complaint']));
    // The closed complaint keeps the day it was judged by.
    expect(imported.moved.some((m) => m.kind === 'complaint' && m.id === settled.id)).toBe(false);
    expect((await hall.ok('complaints/get', { id: complaint.id }, hall.manager)).dueDay).toBe('2027-01-08');
    expect((await hall.ok('complaints/get', { id: settled.id }, hall.manager)).dueDay).toBe(settled.dueDay);

    const audit = listAudit(hall.db, { action: 'calendar.deadlineMoved', limit: 100 });
    expect(audit).toHaveLength(imported.moved.length);
    expect(audit.find((e) => e.target === `complaint:${complaint.id}`)).toMatchObject({
      before: { dueDay: '2027-01-06' },
      after: { dueDay: '2027-01-08', year: 2027 },
    });

    // Importing the same arrangement again moves nothing.
    expect((await hall.ok('calendar/importYear', { file }, hall.manager)).moved).toEqual([]);
  });
});
