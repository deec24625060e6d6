import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/connection.ts';
import { benchResidentId, intakeFixture } from '../fixtures/intake-db.ts';
import { type IntakeBenchHall, openIntakeBenchHall } from '../lib/intake-hall.ts';
import { percentile } from '../lib/queue-hall.ts';
import { medianOfRuns, round1 } from '../lib/stats.ts';
import { type BenchContext, type BenchResult, defineCase } from '../types.ts';
import { envCount } from '../lib/env.ts';

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

type Selection = { bundle?: string; businesses?: string[] };
type Fees = { optionalChosen?: string[]; quantities?: Record<string, number> };

/** What the counter accepts in a day: joint transfers and new homes, single matters, a pair across utilities. */
const forms: { selection: Selection; fees: Fees }[] = [
  { selection: { bundle: 'propertyTransfer' }, fees: {} },
  { selection: { bundle: 'newHome' }, fees: { optionalChosen: ['gasNewConnection.gasAlarm'] } },
  { selection: { businesses: ['gasRepair'] }, fees: { optionalChosen: ['gasRepair.indoorRepairService'] } },
  { selection: { businesses: ['waterMeterTest', 'electricityTransfer'] }, fees: {} },
  { selection: { businesses: ['gasCardMeterReplacement'] }, fees: { quantities: { 'gasCardMeterReplacement.cardMeterResidualValue': 3 } } },
];

type Prepared = { input: Record<string, unknown> };

/**
 * The forms of one run, made ready outside the timing the way the counter does before the
 * click: previewed, the fee list sent to the customer screen and signed there. Every other
 * submission is a new customer (an ID the fixture does not hold), the rest returning ones.
 */
async function prepare(hall: IntakeBenchHall, count: number, firstNewCustomer: number, customers: number): Promise<Prepared[]> {
  const ok = async <T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> => {
    const result = await promise;
    if (!result.ok) throw new Error(`bench preparation failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const prepared: Prepared[] = [];
  for (let j = 0; j < count; j++) {
    const form = forms[j % forms.length] ?? { selection: { businesses: ['gasRepair'] }, fees: {} };
    const preview = await ok(hall.core.send('intake/preview', { selection: form.selection, fees: form.fees }, hall.clerk));
    const materials = Object.fromEntries(
      preview.materials.map((m, i) => [
        m.code,
        m.condition ? { state: 'na' } : m.deferrable && i % 2 === 0 ? { state: 'deferred', promisedDate: '2026-12-22' } : { state: 'received' },
      ]),
    );
    const request = await ok(hall.core.send('intake/requestSignature', { counterId: hall.counterId, selection: form.selection, fees: form.fees }, hall.clerk));
    const pending = await ok(hall.core.send('intake/pendingSignature', {}, hall.rate));
    if (!pending) throw new Error('the customer screen has nothing to sign');
    await ok(hall.core.send('intake/sign', { token: pending.token, feeHash: pending.feeHash, image: SIGNATURE }, hall.rate));
    const customer =
      j % 2 === 0
        ? {
            customer: {
              kind: 'person',
              name: '孙丽',
              idType: 'residentId',
              idNumber: benchResidentId(firstNewCustomer + j),
              mobile: '13812345678',
              accounts: [],
            },
          }
        : { customerId: 1 + ((j * 7919) % customers) };
    prepared.push({
      input: {
        idempotencyKey: randomUUID(),
        counterId: hall.counterId,
        ...customer,
        selection: form.selection,
        fees: form.fees,
        materials,
        signatureRequestId: request.requestId,
      },
    });
  }
  return prepared;
}

type Row = Record<string, unknown>;

/**
 * The rows one core submission wrote, read back so the baseline can write the same rows again
 * with nothing but INSERT statements (unique values altered).
 */
function rowsOf(db: Db, applicationId: number, customerCreated: boolean) {
  const all = (sql: string) => db.prepare(sql).all(applicationId) as Row[];
  const app = db.prepare('SELECT * FROM applications WHERE id = ?').get(applicationId) as Row;
  return {
    signature: db.prepare('SELECT * FROM signature_requests WHERE id = ?').get(app.signature_request_id) as Row,
    customer: customerCreated ? (db.prepare('SELECT * FROM customers WHERE id = ?').get(app.customer_id) as Row) : undefined,
    app,
    matters: all('SELECT * FROM application_matters WHERE application_id = ? ORDER BY id'),
    workOrders: all('SELECT * FROM work_orders WHERE application_id = ? ORDER BY id'),
    stages: all('SELECT s.* FROM work_order_stages s JOIN work_orders w ON w.id = s.work_order_id WHERE w.application_id = ? ORDER BY s.id'),
    events: all('SELECT e.* FROM work_order_events e JOIN work_orders w ON w.id = e.work_order_id WHERE w.application_id = ? ORDER BY e.id'),
    materials: all('SELECT * FROM application_materials WHERE application_id = ? ORDER BY id'),
    fees: all('SELECT * FROM fee_lines WHERE application_id = ? ORDER BY id'),
  };
}

/** INSERT of a row read back, without its id; column names come from the row, i.e. from the schema. */
function inserter(db: Db) {
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  return (table: string, row: Row, change: Row): number => {
    const values = { ...row, ...change };
    delete values.id;
    const columns = Object.keys(values);
    const key = `${table}:${columns.join(',')}`;
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      statements.set(key, statement);
    }
    // An array binds the anonymous parameters in order.
    return Number(statement.run(columns.map((c) => values[c])).lastInsertRowid);
  };
}

/** Writes the same rows as one submission in one immediate transaction, as bare SQL; returns the ms it took. */
function replay(db: Db, insert: ReturnType<typeof inserter>, rows: ReturnType<typeof rowsOf>, serial: string): number {
  const sequence = db.prepare(
    `INSERT INTO case_sequences (day, prefix, last_seq) VALUES ('9999-12-31', ?, 1) ON CONFLICT(day, prefix) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
  );
  const audit = db.prepare('INSERT INTO audit_log (at, actor_staff_id, action, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)');
  const t0 = performance.now();
  db.transaction(() => {
    const signatureId = insert('signature_requests', rows.signature, { token: `${String(rows.signature.token)}r${serial}` });
    let customerId = rows.app.customer_id;
    if (rows.customer) {
      customerId = insert('customers', rows.customer, { id_number: `R${serial}${String(rows.customer.id_number)}` });
      audit.run(rows.app.submitted_at, rows.app.staff_id, 'customers.save', `customer:${String(customerId)}`, null, '{"bench":true}');
    }
    const applicationId = insert('applications', rows.app, {
      public_token: `${String(rows.app.public_token)}r${serial}`,
      idempotency_key: `${String(rows.app.idempotency_key)}r${serial}`,
      signature_request_id: signatureId,
      customer_id: customerId,
    });
    const matterIds = new Map<unknown, number>();
    for (const m of rows.matters) {
      sequence.run(String(m.utility));
      matterIds.set(m.id, insert('application_matters', m, { application_id: applicationId, case_number: `R${serial}-${String(m.case_number)}` }));
    }
    const workOrderIds = new Map<unknown, number>();
    for (const w of rows.workOrders) workOrderIds.set(w.id, insert('work_orders', w, { application_id: applicationId }));
    for (const e of rows.events) insert('work_order_events', e, { work_order_id: workOrderIds.get(e.work_order_id) });
    for (const s of rows.stages) insert('work_order_stages', s, { work_order_id: workOrderIds.get(s.work_order_id), matter_id: matterIds.get(s.matter_id) });
    for (const m of rows.materials) insert('application_materials', m, { application_id: applicationId });
    for (const f of rows.fees) insert('fee_lines', f, { application_id: applicationId });
  }).immediate();
  return performance.now() - t0;
}

/**
 * intake/submit on a hall holding ONEWINDOW_BENCH_APPLICATIONS (default 1,000,000) applications:
 * ONEWINDOW_BENCH_SUBMITS (default 300) submissions per run, one at a time as a counter makes
 * them, each previewed, sent to the customer screen and signed beforehand (not timed). A fifth
 * each of: the four-utility property transfer with a deferred material, the new-home bundle with
 * an optional gas alarm, a gas repair, a meter test plus a transfer, a card-meter replacement;
 * half of them for a new customer. Timed: core.send('intake/submit') with the clerk's session —
 * validation, the recomputed fee list and hash, the material check, one transaction with its
 * synchronous commit, and the receipt read back. p99 per run, median over the runs.
 * Baseline: the same rows written again by bare INSERTs in one immediate transaction per
 * submission (no reads, no checks). Every row the run added is deleted afterwards, so the cached
 * fixture stays as built.
 */
export const intakeSubmitP99 = defineCase({
  name: 'intake.submit.p99_ms',
  unit: 'ms',
  target: '<= 50',
  run: timeSubmits,
});

async function timeSubmits(ctx: BenchContext): Promise<BenchResult> {
  const fixture = await intakeFixture(ctx);
  const submits = envCount(ctx, 'ONEWINDOW_BENCH_SUBMITS', 300);
  const core: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run <= ctx.runs; run++) {
    const hall = openIntakeBenchHall(fixture);
    try {
      const prepared = await prepare(hall, submits, fixture.customers + 1 + run * submits, fixture.customers);
      const coreMs: number[] = [];
      const created: { id: number; newCustomer: boolean }[] = [];
      for (const { input } of prepared) {
        const t0 = performance.now();
        const result = await hall.core.call('intake/submit', input, hall.clerk);
        coreMs.push(performance.now() - t0);
        if (!result.ok) throw new Error(`intake/submit failed: ${JSON.stringify(result.error)}`);
        const value = result.value as { id: number };
        created.push({ id: value.id, newCustomer: 'customer' in input });
      }
      const insert = inserter(hall.db);
      const recorded = created.map((c) => rowsOf(hall.db, c.id, c.newCustomer));
      const bareMs = recorded.map((rows, i) => replay(hall.db, insert, rows, `${run}x${i}`));
      // Run 0 warms the page cache, the JIT and the catalogue cache; it is not counted.
      if (run > 0) {
        core.push(percentile(coreMs, 99));
        bare.push(percentile(bareMs, 99));
        ctx.log(
          `  run ${run}/${ctx.runs}: core p99 ${round1(percentile(coreMs, 99))} ms (p50 ${round1(percentile(coreMs, 50))}, max ${round1(percentile(coreMs, 100))}), bare p99 ${round1(percentile(bareMs, 99))} ms (p50 ${round1(percentile(bareMs, 50))})`,
        );
      }
    } finally {
      hall.restore();
      hall.close();
    }
  }
  return medianOfRuns(ctx.log, 'core', core, bare);
}
