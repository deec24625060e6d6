import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../db/audit.ts';
import { setSetting } from '../../../db/settings.ts';
import { currentCatalogue } from '../catalogue/catalogue-store.ts';
import { type IntakeHall, openIntakeHall } from '../intake/intake-testing.ts';

let hall: IntakeHall;

// Wednesday 30 September 2026, 10:00 in Shanghai, the last working day before the National Day
// week (1–7 October); Saturday 10 October is a make-up workday.
beforeEach(async () => {
  hall = await openIntakeHall('2026-09-30T02:00:00.000Z');
  currentCatalogue(hall.db);
  setSetting(hall.db, 'followups.seed', 'test-seed');
});
afterEach(() => hall.close());

const at = (day: string) => new Date(`${day}T10:00:00+08:00`).toISOString();

let serial = 0;
/**
 * One accepted application with one matter and work order per business, written as intake
 * writes them (the intake flow itself is tested in main/core/intake); returns its work order ids.
 */
function accept(day: string, kind: 'person' | 'enterprise', businesses: { utility: string; code: string }[]): number[] {
  serial += 1;
  const db = hall.db;
  const customerId = Number(
    db
      .prepare(`INSERT INTO customers (kind, name, id_type, id_number, phone, created_at, updated_at) VALUES (?, ?, 'residentId', ?, ?, 'now', 'now')`)
      .run(kind, `客户${serial}`, `ID${String(serial).padStart(10, '0')}`, `1380000${String(serial).padStart(4, '0')}`).lastInsertRowid,
  );
  const signatureId = Number(
    db
      .prepare(
        `INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at, status, image, signed_at) VALUES (?, ?, ?, 'h', '{}', 'now', 'signed', x'89', 'now')`,
      )
      .run(`sig-${serial}-aaaaaaaaaaaa`, hall.counterId, hall.clerkId).lastInsertRowid,
  );
  const applicationId = Number(
    db
      .prepare(
        `INSERT INTO applications (public_token, idempotency_key, customer_id, catalogue_version, staff_id, counter_id, day, submitted_at, fee_hash, total_fen, signature_request_id, snapshot)
         VALUES (?, ?, ?, 1, ?, ?, ?, ?, 'h', 0, ?, '{}')`,
      )
      .run(`pub-${serial}-aaaaaaaaaaaa`, `key-${serial}`, customerId, hall.clerkId, hall.counterId, day, at(day), signatureId).lastInsertRowid,
  );
  return businesses.map((b, i) => {
    db.prepare(`INSERT INTO application_matters (application_id, case_number, utility, business_code, due_day) VALUES (?, ?, ?, ?, ?)`).run(
      applicationId,
      `Q${serial}-${i}`,
      b.utility,
      b.code,
      day,
    );
    return Number(
      db
        .prepare(`INSERT INTO work_orders (application_id, utility, due_day, created_at, updated_at) VALUES (?, ?, ?, 'n', 'n')`)
        .run(applicationId, b.utility, day).lastInsertRowid,
    );
  });
}

/** September 2026 with known answers for each default rule. */
function seedSeptember() {
  const residentialWater = Array.from({ length: 30 }, (_, i) =>
    accept(`2026-09-${String((i % 28) + 1).padStart(2, '0')}`, 'person', [{ utility: 'water', code: 'waterTransfer' }]),
  ).flat();
  const residentialGasNew = Array.from({ length: 4 }, () => accept('2026-09-15', 'person', [{ utility: 'gas', code: 'gasNewConnection' }])).flat();
  const enterpriseGasNew = accept('2026-09-16', 'enterprise', [{ utility: 'gas', code: 'gasNewConnection' }]);
  const enterprisePower = Array.from({ length: 3 }, () =>
    accept('2026-09-17', 'enterprise', [{ utility: 'electricity', code: 'electricityNewConnection' }]),
  ).flat();
  // One application, two utilities: two work orders, each its own follow-up candidate.
  const propertyTransfer = accept('2026-09-30', 'person', [
    { utility: 'water', code: 'waterTransfer' },
    { utility: 'gas', code: 'gasTransfer' },
  ]);
  // August is another month's sample.
  const august = accept('2026-08-31', 'enterprise', [{ utility: 'gas', code: 'gasNewConnection' }]);
  return { residentialWater, residentialGasNew, enterpriseGasNew, enterprisePower, propertyTransfer, august };
}

describe('monthly follow-up tasks', () => {
  it('follow the default rules of the seeds: all new gas connections, all non-residential and at least 10% of residential', async () => {
    const s = seedSeptember();
    const generated = await hall.ok('followups/generate', { period: '2026-09' }, hall.manager);
    const month = await hall.ok('followups/month', { period: '2026-09' }, hall.manager);
    const tasked = new Set(month.tasks.map((t) => t.workOrderId));

    for (const id of [...s.residentialGasNew, ...s.enterpriseGasNew, ...s.enterprisePower]) expect(tasked.has(id), `work order ${id}`).toBe(true);
    expect(tasked.has(s.august[0] ?? 0)).toBe(false);
    // Residential work orders: 30 water + 4 gas new + 2 of the property transfer = 36; 10% is 3.6, so at least 4.
    const residential = month.tasks.filter((t) => t.customerKind === 'person');
    expect(residential.length).toBeGreaterThanOrEqual(4);
    // The 10% rule draws exactly 4; some may be gas new connections already tasked by the gas rule.
    const onlyResidentialRule = residential.filter((t) => t.ruleIds.length === 1 && t.ruleIds[0] === 2);
    expect(onlyResidentialRule.length).toBeLessThanOrEqual(4);
    expect(generated).toEqual({ period: '2026-09', created: month.tasks.length, total: month.tasks.length });

    const [gas, tenPercent, enterprise] = month.coverage;
    expect(gas).toMatchObject({ ruleId: 1, population: 5, required: 5, tasked: 5, done: 0, met: false });
    expect(tenPercent).toMatchObject({ ruleId: 2, population: 36, required: 4, done: 0, met: false });
    expect(tenPercent?.tasked).toBeGreaterThanOrEqual(4);
    expect(enterprise).toMatchObject({ ruleId: 3, population: 4, required: 4, tasked: 4, met: false });

    // The customer is masked in the ledger.
    expect(month.tasks[0]?.customer).toMatch(/^客\*+$/);
    expect(month.tasks[0]?.phone).toMatch(/^138\*{4}\d{4}$/);

    // Doing every task meets every rule.
    for (const task of month.tasks)
      await hall.ok('followups/record', { taskId: task.id, method: 'phone', reached: true, satisfaction: 5, problems: [] }, hall.manager);
    const after = await hall.ok('followups/month', { period: '2026-09' }, hall.manager);
    expect(after.coverage.map((c) => c.met)).toEqual([true, true, true]);
    expect(after.coverage[0]?.coverage).toBe(1);
  });

  it('is deterministic: generating again adds nothing, and new applications only add', async () => {
    seedSeptember();
    const first = await hall.ok('followups/generate', { period: '2026-09' }, hall.manager);
    const ids = (await hall.ok('followups/month', { period: '2026-09' }, hall.manager)).tasks.map((t) => t.workOrderId);
    expect(await hall.ok('followups/generate', { period: '2026-09' }, hall.manager)).toEqual({ period: '2026-09', created: 0, total: first.total });

    const late = accept('2026-09-30', 'enterprise', [{ utility: 'telecom', code: 'telecomNewConnection' }]);
    const second = await hall.ok('followups/generate', { period: '2026-09' }, hall.manager);
    expect(second.created).toBeGreaterThanOrEqual(1);
    const now = (await hall.ok('followups/month', { period: '2026-09' }, hall.manager)).tasks.map((t) => t.workOrderId);
    expect(now).toEqual(expect.arrayContaining([...ids, ...late]));
    expect(listAudit(hall.db, { action: 'followups.generate', limit: 5 })).toHaveLength(3);
  });

  it('applies a rule the manager adds: 100% of water transfers', async () => {
    const s = seedSeptember();
    await hall.ok('followups/saveRule', { utility: 'water', customerKind: null, businessKind: 'transfer', percent: 100, active: true }, hall.manager);
    await hall.ok('followups/generate', { period: '2026-09' }, hall.manager);
    const month = await hall.ok('followups/month', { period: '2026-09' }, hall.manager);
    const tasked = new Set(month.tasks.map((t) => t.workOrderId));
    for (const id of [...s.residentialWater, s.propertyTransfer[0] ?? 0]) expect(tasked.has(id)).toBe(true);
    expect(month.coverage.at(-1)).toMatchObject({ population: 31, required: 31, tasked: 31 });
  });
});

describe('results and problems (逐条销号)', () => {
  it('closes each problem within 3 working days, counted on the hall calendar, and queues the result for the utility', async () => {
    accept('2026-09-15', 'person', [{ utility: 'gas', code: 'gasNewConnection' }]);
    await hall.ok('followups/generate', { period: '2026-09' }, hall.manager);
    const [task] = (await hall.ok('followups/month', { period: '2026-09' }, hall.manager)).tasks;
    if (!task) throw new Error('no task');

    const recorded = await hall.ok(
      'followups/record',
      { taskId: task.id, method: 'visit', reached: true, satisfaction: 3, notes: '通气后灶具打火困难', problems: ['灶具打火困难，需上门调试'] },
      hall.manager,
    );
    expect(recorded).toMatchObject({ state: 'done', satisfaction: 3, openProblems: 1, doneDay: '2026-09-30' });
    expect(await hall.send('followups/record', { taskId: task.id, method: 'phone', reached: true, satisfaction: 5 }, hall.manager)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    const problemOn = async (day: string) => {
      hall.setTime(at(day));
      return (await hall.ok('followups/month', { period: '2026-09' }, hall.manager)).problems[0];
    };
    // Found 30 September: 3 working days are 8, 9 and 10 October (the make-up Saturday).
    expect(await problemOn('2026-10-08')).toMatchObject({ dueDay: '2026-10-10', deadline: 'ok' });
    expect((await problemOn('2026-10-09'))?.deadline).toBe('warning');
    expect((await problemOn('2026-10-12'))?.deadline).toBe('overdue');
    expect(await hall.ok('followups/figures', { fromDay: '2026-10-12', toDay: '2026-10-12' }, hall.manager)).toMatchObject({
      problemsOpenOverdue: 1,
      problemsClosed: 0,
    });

    const problemId = (await problemOn('2026-10-12'))?.id ?? 0;
    expect(await hall.ok('followups/closeProblem', { problemId, resolution: '已上门更换点火针' }, hall.manager)).toMatchObject({
      closedDay: '2026-10-12',
      deadline: 'closedLate',
    });
    expect(await hall.send('followups/closeProblem', { problemId, resolution: 'again' }, hall.manager)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await hall.ok('followups/figures', { fromDay: '2026-09-30', toDay: '2026-10-12' }, hall.manager)).toMatchObject({
      tasksDone: 1,
      problemsFound: 1,
      problemsDue: 1,
      problemsClosed: 1,
      problemsClosedLate: 1,
      problemsOpenOverdue: 0,
    });

    const queued = hall.db.prepare(`SELECT utility, version, data FROM sync_outbox WHERE type = 'followUp' ORDER BY seq`).all() as {
      utility: string;
      version: number;
      data: string;
    }[];
    expect(queued.map((q) => [q.utility, q.version])).toEqual([
      ['gas', 1],
      ['gas', 2],
    ]);
    expect(JSON.parse(queued[1]?.data ?? '{}')).toMatchObject({
      state: 'done',
      method: 'visit',
      problems: [{ dueDay: '2026-10-10', closedDay: '2026-10-12', resolution: '已上门更换点火针' }],
    });
    expect(JSON.stringify(queued)).not.toMatch(/客户|1380000/);
  });

  it('an unreachable customer does not count as followed up, and a problem may be added later', async () => {
    accept('2026-09-16', 'enterprise', [{ utility: 'electricity', code: 'electricityNewConnection' }]);
    await hall.ok('followups/generate', { period: '2026-09' }, hall.manager);
    const [task] = (await hall.ok('followups/month', { period: '2026-09' }, hall.manager)).tasks;
    if (!task) throw new Error('no task');
    expect(await hall.send('followups/record', { taskId: task.id, method: 'phone', reached: true }, hall.manager)).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: [{ path: 'satisfaction', key: 'field.satisfactionRequired' }] } },
    });
    expect(await hall.ok('followups/record', { taskId: task.id, method: 'phone', reached: false, notes: '电话无人接听' }, hall.manager)).toMatchObject({
      state: 'unreachable',
      satisfaction: null,
    });
    const month = await hall.ok('followups/month', { period: '2026-09' }, hall.manager);
    expect(month.coverage[2]).toMatchObject({ population: 1, required: 1, done: 0, unreachable: 1, met: false });
    expect(await hall.ok('followups/addProblem', { taskId: task.id, description: '客户来电反映电表箱未上锁' }, hall.manager)).toMatchObject({
      foundDay: '2026-09-30',
      dueDay: '2026-10-10',
    });
  });
});
