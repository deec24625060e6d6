import type { Role } from '../api/roles.ts';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getCategoryByPrefix } from '../../../db/categories.ts';
import { listCounters } from '../../../db/counters.ts';
import { setSetting } from '../../../db/settings.ts';
import { insertStaff, type StaffRole } from '../../../db/staff.ts';
import type { InputOf } from '../api/method.ts';
import { hashPassword } from '../auth/password.ts';
import { openStaffSession } from '../auth/sessions.ts';
import type { Contract, MethodName } from '../contract.ts';
import type { HallEvent } from '../events.ts';
import { openTestHall, type TestHall, unwrap } from '../testing.ts';

// The test hall's clock starts at 2025-03-03T01:00Z: 09:00 on Monday in Shanghai.
let passwordHash: string;
let hall: TestHall;
let manager: string;
let clerk1: string;
let clerk2: string;
let staffIds: Record<'manager' | 'clerk1' | 'clerk2', number>;
let pushed: HallEvent[];

beforeAll(async () => {
  // One scrypt hash for every account of the file: nobody logs in, sessions are opened directly.
  passwordHash = await hashPassword('Passw0rd-test');
});

beforeEach(() => {
  // Sessions outlast the clock's jumps to the next day.
  hall = openTestHall({ sessionPolicy: { staffIdleMinutes: 30 * 24 * 60, staffMaxHours: 100_000, deviceDays: 365 } });
  setSetting(hall.db, 'hall.name', 'North Hall');
  const account = (workNo: string, roles: StaffRole[]) => {
    const staff = insertStaff(hall.db, { workNo, name: `Staff ${workNo}`, passwordHash, roles, now: hall.now().toISOString() });
    const { token } = openStaffSession(hall.db, hall.core.deps.clock, hall.core.deps.sessionPolicy, staff.id);
    return { id: staff.id, token };
  };
  const m = account('M001', ['manager']);
  const c1 = account('C001', ['clerk']);
  const c2 = account('C002', ['clerk']);
  manager = m.token;
  clerk1 = c1.token;
  clerk2 = c2.token;
  staffIds = { manager: m.id, clerk1: c1.id, clerk2: c2.id };
  pushed = [];
  hall.core.events.subscribe((event) => pushed.push(event));
});

afterEach(() => hall.close());

const send = <K extends MethodName>(name: K, input: InputOf<Contract[K]>, token?: string) => hall.core.send(name, input, token);
const ok = async <K extends MethodName>(name: K, input: InputOf<Contract[K]>, token?: string) => unwrap(await send(name, input, token));

const category = (prefix: string) => {
  const row = getCategoryByPrefix(hall.db, prefix);
  if (!row) throw new Error(`no category ${prefix}`);
  return row;
};
const counter = (number: number) => {
  const row = listCounters(hall.db).find((c) => c.number === number);
  if (!row) throw new Error(`no counter ${number}`);
  return row.id;
};

const issue = (prefix: string, extra: { priority?: 'normal' | 'priority'; phone?: string; idNumber?: string } = {}) =>
  ok('queue/issue', { categoryId: category(prefix).id, ...extra }, manager);

/** Edits a seeded category through the manager's form, keeping what is not given. */
const editCategory = (prefix: string, change: { opensAt?: string; closesAt?: string; dailyLimit?: number | null; active?: boolean }) => {
  const c = category(prefix);
  // Every field: the form sends the whole category, and an omitted one falls back to its default.
  const { id, nameZh, nameEn, utilities, businesses, dailyLimit, opensAt, closesAt, active, sortOrder } = c;
  return ok(
    'queue/saveCategory',
    { id, prefix: c.prefix, nameZh, nameEn, utilities, businesses, dailyLimit, opensAt, closesAt, active, sortOrder, ...change },
    manager,
  );
};

type EventRow = { type: string; at: string; counterId: number | null; staffId: number | null; data: string | null };
const ticketEvents = (ticketId: number) =>
  hall.db
    .prepare('SELECT type, at, counter_id AS counterId, staff_id AS staffId, data FROM ticket_events WHERE ticket_id = ? ORDER BY id')
    .all(ticketId) as EventRow[];

/** What the calling board heard. */
const boardCalls = () => pushed.filter((e): e is HallEvent<'queue/called'> => e.type === 'queue/called').map((e) => e.payload);

const time = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2025, 2, 3, h! - 8, m)).toISOString();
};

describe('issuing tickets', () => {
  it('numbers each prefix on its own: A001, A002, then B001, then A003', async () => {
    expect((await issue('A')).number).toBe('A001');
    expect((await issue('A')).number).toBe('A002');
    expect((await issue('B')).number).toBe('B001');
    expect((await issue('A')).number).toBe('A003');
    expect((await issue('C')).number).toBe('C001');
  });

  it('gives the printed ticket the people ahead, the hall name and a status link', async () => {
    await issue('A');
    await issue('B');
    const third = await issue('A');
    expect(third).toMatchObject({
      number: 'A002',
      categoryNameZh: '综合业务',
      ahead: 1,
      hallName: 'North Hall',
      priority: 'normal',
      printed: 'screen',
      issuedAt: hall.now().toISOString(),
    });
    expect(third.statusPath).toMatch(/^\/t\/[A-Za-z0-9_-]{16,}$/);
  });

  it('starts again at 001 when the hall-local day turns, and not when UTC midnight passes mid-morning', async () => {
    await editCategory('A', { opensAt: '00:00', closesAt: '23:59' });
    await editCategory('B', { opensAt: '00:00', closesAt: '23:59' });
    // 07:50 Shanghai is 23:50 UTC the day before; 08:10 is 00:10 UTC: the same hall day.
    hall.setTime('2025-03-02T23:50:00Z');
    expect((await issue('A')).number).toBe('A001');
    hall.setTime('2025-03-03T00:10:00Z');
    expect((await issue('A')).number).toBe('A002');

    // 23:58 and 00:01 Shanghai: 15:58 and 16:01 UTC.
    hall.setTime('2025-03-03T15:58:00Z');
    expect((await issue('A')).number).toBe('A003');
    expect((await issue('B')).number).toBe('B001');
    hall.setTime('2025-03-03T16:01:00Z');
    const first = await issue('A');
    expect(first.number).toBe('A001');
    expect(first.ahead).toBe(0);
    expect((await issue('B')).number).toBe('B001');
    expect((await issue('A')).number).toBe('A002');
    expect(unwrap(await send('queue/overview', {}, manager)).day).toBe('2025-03-04');
  });

  it("leaves yesterday's uncalled tickets out of today's queue", async () => {
    await editCategory('A', { opensAt: '00:00', closesAt: '23:59' });
    hall.setTime('2025-03-03T09:00:00Z'); // 17:00: one served, one gone home without being called
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    const served = await issue('A');
    await issue('A');
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    await ok('queue/finish', { counterId: counter(1), ticketId: served.id }, clerk1);

    hall.setTime('2025-03-04T01:00:00Z'); // 09:00 the next day
    const today = await issue('A');
    expect(today.number).toBe('A001');
    const waiting = await ok('queue/waitingList', {}, clerk1);
    expect(waiting.map((t) => [t.number, t.id])).toEqual([['A001', today.id]]);
    expect(unwrap(await send('hall/status', {}, manager)).ticketsWaiting).toBe(1);
    const overview = await ok('queue/overview', {}, manager);
    expect(overview).toMatchObject({ waitingTotal: 1, longestWaitMinutes: 0 });
    // The calling board starts the day empty: yesterday's last call is not news.
    expect(overview.calls).toEqual([]);
    // Yesterday's A001 has waited 16 hours, far past the starvation bound, and still is not called.
    expect((await ok('queue/callNext', { counterId: counter(1) }, clerk1))?.id).toBe(today.id);
    await ok('queue/finish', { counterId: counter(1), ticketId: today.id }, clerk1);
    expect(await ok('queue/callNext', { counterId: counter(1) }, clerk1)).toBeNull();
  });

  it('stops a category at its daily limit until the next day', async () => {
    await editCategory('A', { dailyLimit: 2 });
    await issue('A');
    await issue('A');
    expect(await send('queue/issue', { categoryId: category('A').id }, manager)).toEqual({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.queue.dailyLimitReached', details: { opensAt: '08:30', closesAt: '17:30' } },
    });
    // Other categories still issue; the kiosk shows A as closed for the day.
    expect((await issue('B')).number).toBe('B001');
    const a = (await ok('queue/overview', {}, manager)).categories.find((c) => c.prefix === 'A');
    expect(a).toMatchObject({ issuing: false, closedReason: 'limit', waiting: 2 });

    hall.setTime('2025-03-04T01:00:00Z');
    expect((await issue('A')).number).toBe('A001');
  });

  it("issues only inside opening hours, read on the hall's clock", async () => {
    hall.setTime(time('08:29'));
    expect(await send('queue/issue', { categoryId: category('A').id }, manager)).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.queue.categoryClosed', details: { opensAt: '08:30', closesAt: '17:30' } },
    });
    expect((await ok('queue/overview', {}, manager)).categories.every((c) => c.closedReason === 'hours')).toBe(true);
    hall.setTime(time('08:30'));
    expect((await issue('A')).number).toBe('A001');
    hall.setTime(time('17:29'));
    expect((await issue('A')).number).toBe('A002');
    hall.setTime(time('17:30'));
    expect(await send('queue/issue', { categoryId: category('A').id }, manager)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.queue.categoryClosed' },
    });
  });

  it('refuses a category the manager suspended', async () => {
    await editCategory('C', { active: false });
    expect(await send('queue/issue', { categoryId: category('C').id }, manager)).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.queue.categoryInactive' },
    });
    expect((await ok('queue/overview', {}, manager)).categories.find((c) => c.prefix === 'C')).toMatchObject({ issuing: false, closedReason: 'inactive' });
    await editCategory('C', { active: true });
    expect((await issue('C')).number).toBe('C001');
  });

  it('refuses an unknown category and a malformed phone', async () => {
    expect(await send('queue/issue', { categoryId: 999 }, manager)).toMatchObject({
      ok: false,
      error: { code: 'not_found', messageKey: 'errors.queue.categoryNotFound' },
    });
    expect(await send('queue/issue', { categoryId: category('A').id, phone: '12345' }, manager)).toMatchObject({
      ok: false,
      error: { code: 'validation', details: { fields: [{ path: 'phone', key: 'field.phoneFormat' }] } },
    });
  });
});

describe('serving a ticket at a counter', () => {
  it('opens, calls, starts and finishes, recording each event with its time, counter and clerk', async () => {
    const opened = await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    expect(opened).toMatchObject({ number: 1, status: 'open', staffId: staffIds.clerk1, staffName: 'Staff C001', current: null });
    const issued = await issue('A', { priority: 'normal' });

    hall.advanceMinutes(5);
    const called = await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    expect(called).toMatchObject({ id: issued.id, number: 'A001', status: 'called', counterId: counter(1), calledAt: time('09:05') });
    // The calling board hears it: number and counter for the voice and the screen.
    expect(boardCalls()).toEqual([expect.objectContaining({ number: 'A001', counterNumber: 1, recall: false, at: time('09:05') })]);

    hall.advanceMinutes(1);
    expect(await ok('queue/start', { counterId: counter(1), ticketId: issued.id }, clerk1)).toMatchObject({ status: 'serving', startedAt: time('09:06') });
    hall.advanceMinutes(10);
    expect(await ok('queue/finish', { counterId: counter(1), ticketId: issued.id }, clerk1)).toMatchObject({ status: 'done' });

    const c1 = counter(1);
    const s = staffIds.clerk1;
    expect(ticketEvents(issued.id)).toEqual([
      { type: 'issued', at: time('09:00'), counterId: null, staffId: staffIds.manager, data: JSON.stringify({ priority: 'normal' }) },
      { type: 'called', at: time('09:05'), counterId: c1, staffId: s, data: null },
      { type: 'started', at: time('09:06'), counterId: c1, staffId: s, data: null },
      { type: 'finished', at: time('09:16'), counterId: c1, staffId: s, data: null },
    ]);
    expect((await ok('queue/overview', {}, clerk1)).counters.find((c) => c.number === 1)?.current).toBeNull();
  });

  it('says so when nobody waits', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    expect(await ok('queue/callNext', { counterId: counter(1) }, clerk1)).toBeNull();
  });

  it('refuses to call the next one before the current ticket is settled', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    await issue('A');
    await issue('A');
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    expect(await send('queue/callNext', { counterId: counter(1) }, clerk1)).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.queue.finishCurrentFirst' },
    });
  });

  it('refuses to call at a counter nobody opened', async () => {
    await issue('A');
    expect(await send('queue/callNext', { counterId: counter(3) }, clerk1)).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.queue.counterClosed' },
    });
  });

  it('recalls the current ticket: a new board call and a recalled event, the ticket still called', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    const { id } = await issue('A');
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    hall.advanceMinutes(2);
    expect(await ok('queue/recall', { counterId: counter(1), ticketId: id }, clerk1)).toMatchObject({ status: 'called', calledAt: time('09:00') });
    expect(boardCalls().map((c) => [c.number, c.recall])).toEqual([
      ['A001', false],
      ['A001', true],
    ]);
    expect(ticketEvents(id).map((e) => [e.type, e.at])).toEqual([
      ['issued', time('09:00')],
      ['called', time('09:00')],
      ['recalled', time('09:02')],
    ]);
    expect((await ok('queue/overview', {}, manager)).calls.map((c) => [c.number, c.type])).toEqual([
      ['A001', 'recalled'],
      ['A001', 'called'],
    ]);
  });

  it('marks a no-show that stays out of the queue', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    const first = await issue('A');
    const second = await issue('A');
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    hall.advanceMinutes(3);
    expect(await ok('queue/noShow', { counterId: counter(1), ticketId: first.id }, clerk1)).toMatchObject({ status: 'no_show' });
    expect(ticketEvents(first.id).map((e) => e.type)).toEqual(['issued', 'called', 'no_show']);
    expect((await ok('queue/callNext', { counterId: counter(1) }, clerk1))?.number).toBe('A002');
    expect(await send('queue/finish', { counterId: counter(1), ticketId: first.id }, clerk1)).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.queue.ticketNoShow', details: { number: 'A001' } },
    });
    await ok('queue/finish', { counterId: counter(1), ticketId: second.id }, clerk1);
    expect(await ok('queue/callNext', { counterId: counter(1) }, clerk1)).toBeNull();
  });

  it('puts a no-show back at the end of the queue when asked, keeping its number', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    const first = await issue('A');
    const second = await issue('A');
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    hall.advanceMinutes(3);
    const back = await ok('queue/noShow', { counterId: counter(1), ticketId: first.id, requeue: true }, clerk1);
    expect(back).toMatchObject({ number: 'A001', status: 'waiting', counterId: null, queuedAt: time('09:03') });
    expect(ticketEvents(first.id).map((e) => [e.type, e.at])).toEqual([
      ['issued', time('09:00')],
      ['called', time('09:00')],
      ['no_show', time('09:03')],
      ['requeued', time('09:03')],
    ]);
    expect((await ok('queue/waitingList', {}, clerk1)).map((t) => t.number)).toEqual(['A002', 'A001']);
    expect((await ok('queue/callNext', { counterId: counter(1) }, clerk1))?.id).toBe(second.id);
    await ok('queue/finish', { counterId: counter(1), ticketId: second.id }, clerk1);
    expect((await ok('queue/callNext', { counterId: counter(1) }, clerk1))?.number).toBe('A001');
  });

  it('transfers to another counter: same number, that counter calls it next, this one never', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    await ok('queue/openCounter', { counterId: counter(2) }, clerk2);
    const first = await issue('A');
    const second = await issue('A');
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    await ok('queue/start', { counterId: counter(1), ticketId: first.id }, clerk1);
    hall.advanceMinutes(4);
    const moved = await ok('queue/transfer', { counterId: counter(1), ticketId: first.id, toCounterId: counter(2) }, clerk1);
    expect(moved).toMatchObject({ number: 'A001', status: 'waiting', targetCounterId: counter(2), counterId: null });

    // A002 has waited longer in the queue, but counter 2 takes the ticket sent to it first.
    expect((await ok('queue/callNext', { counterId: counter(2) }, clerk2))?.number).toBe('A001');
    await ok('queue/finish', { counterId: counter(2), ticketId: first.id }, clerk2);
    expect((await ok('queue/callNext', { counterId: counter(1) }, clerk1))?.id).toBe(second.id);
    expect(ticketEvents(first.id).map((e) => [e.type, e.counterId, e.data])).toEqual([
      ['issued', null, JSON.stringify({ priority: 'normal' })],
      ['called', counter(1), null],
      ['started', counter(1), null],
      ['transferred', counter(1), JSON.stringify({ fromCounterId: counter(1), toCounterId: counter(2), toCategoryId: null })],
      ['called', counter(2), null],
      ['finished', counter(2), null],
    ]);
  });

  it('keeps a ticket sent to counter 2 away from counter 1', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    const only = await issue('A');
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    await ok('queue/transfer', { counterId: counter(1), ticketId: only.id, toCounterId: counter(2) }, clerk1);
    expect(await ok('queue/callNext', { counterId: counter(1) }, clerk1)).toBeNull();
    expect(await send('queue/transfer', { counterId: counter(1), ticketId: only.id, toCounterId: counter(1) }, clerk1)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.queue.transferToSelf' },
    });
  });

  it("transfers to another category keeping the number, beside that category's own tickets", async () => {
    await editCategory('A', { dailyLimit: 1 });
    await editCategory('B', { dailyLimit: 2 });
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    await ok('queue/saveCounter', { id: counter(2), number: 2, name: '2号窗口', categoryIds: [category('B').id] }, manager);
    await ok('queue/openCounter', { counterId: counter(2) }, clerk2);
    const a = await issue('A');
    const b = await issue('B');
    expect(b.number).toBe('B001');
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    hall.advanceMinutes(1);
    const moved = await ok('queue/transfer', { counterId: counter(1), ticketId: a.id, toCategoryId: category('B').id }, clerk1);
    expect(moved).toMatchObject({ number: 'A001', categoryId: category('B').id, status: 'waiting', targetCounterId: null });

    const overview = await ok('queue/overview', {}, manager);
    expect(overview.categories.map((c) => [c.prefix, c.waiting])).toEqual([
      ['A', 0],
      ['B', 2],
      ['C', 0],
    ]);
    // Daily limits count the numbers each prefix gave out: A's one is spent although A001
    // now waits in B, and B still has one left although two tickets wait in it.
    expect(overview.categories.find((c) => c.prefix === 'A')).toMatchObject({ issuing: false, closedReason: 'limit' });
    expect(overview.categories.find((c) => c.prefix === 'B')).toMatchObject({ issuing: true, closedReason: null });
    expect((await issue('B')).number).toBe('B002');

    // The B-only counter serves B001 (waiting longer), then A001.
    expect((await ok('queue/callNext', { counterId: counter(2) }, clerk2))?.number).toBe('B001');
    await ok('queue/finish', { counterId: counter(2), ticketId: b.id }, clerk2);
    expect((await ok('queue/callNext', { counterId: counter(2) }, clerk2))?.number).toBe('A001');
  });

  it('refuses to finish a ticket already transferred or finished, saying which', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    await ok('queue/openCounter', { counterId: counter(2) }, clerk2);
    const first = await issue('A');
    const second = await issue('A');
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    await ok('queue/transfer', { counterId: counter(1), ticketId: first.id, toCounterId: counter(2) }, clerk1);
    expect(await send('queue/finish', { counterId: counter(1), ticketId: first.id }, clerk1)).toEqual({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.queue.ticketElsewhere', details: { number: 'A001' } },
    });
    // Still elsewhere once counter 2 has called it.
    await ok('queue/callNext', { counterId: counter(2) }, clerk2);
    expect(await send('queue/finish', { counterId: counter(1), ticketId: first.id }, clerk1)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.queue.ticketElsewhere' },
    });

    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    await ok('queue/finish', { counterId: counter(1), ticketId: second.id }, clerk1);
    for (const method of ['queue/finish', 'queue/start', 'queue/recall', 'queue/noShow'] as const) {
      expect(await send(method, { counterId: counter(1), ticketId: second.id }, clerk1)).toEqual({
        ok: false,
        error: { code: 'conflict', messageKey: 'errors.queue.ticketFinished', details: { number: 'A002' } },
      });
    }
    expect(await send('queue/transfer', { counterId: counter(1), ticketId: second.id, toCounterId: counter(2) }, clerk1)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.queue.ticketFinished' },
    });
    // Refused operations leave no trace in the record.
    expect(ticketEvents(second.id).map((e) => e.type)).toEqual(['issued', 'called', 'finished']);
  });

  it('refuses to finish a ticket that is still waiting', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    const waiting = await issue('A');
    expect(await send('queue/finish', { counterId: counter(1), ticketId: waiting.id }, clerk1)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.queue.ticketNotCalled', details: { number: 'A001' } },
    });
  });

  it('blocks calls while paused with a reason, and records pause and resume with their times', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    await issue('A');
    hall.advanceMinutes(10);
    expect(await ok('queue/pause', { counterId: counter(1), reason: 'break', note: 'lunch' }, clerk1)).toMatchObject({
      status: 'paused',
      pauseReason: 'break: lunch',
      statusSince: time('09:10'),
    });
    expect(await send('queue/callNext', { counterId: counter(1) }, clerk1)).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.queue.counterPaused' },
    });
    expect(unwrap(await send('hall/status', {}, clerk1))).toMatchObject({ countersOpen: 0, countersPaused: 1 });
    hall.advanceMinutes(30);
    expect(await ok('queue/resume', { counterId: counter(1) }, clerk1)).toMatchObject({ status: 'open', pauseReason: null });
    expect((await ok('queue/callNext', { counterId: counter(1) }, clerk1))?.number).toBe('A001');
    expect(hall.db.prepare('SELECT type, at, staff_id AS staffId, reason FROM counter_events WHERE counter_id = ? ORDER BY id').all(counter(1))).toEqual([
      { type: 'opened', at: time('09:00'), staffId: staffIds.clerk1, reason: null },
      { type: 'paused', at: time('09:10'), staffId: staffIds.clerk1, reason: 'break: lunch' },
      { type: 'resumed', at: time('09:40'), staffId: staffIds.clerk1, reason: null },
    ]);
    expect(await send('queue/resume', { counterId: counter(1) }, clerk1)).toMatchObject({ ok: false, error: { messageKey: 'errors.queue.counterNotPaused' } });
  });
});

describe('a kiosk that lost the answer', () => {
  it('gets the same ticket when it asks again under the same key, not a second number', async () => {
    const a = category('A').id;
    const first = await ok('queue/issue', { categoryId: a, idempotencyKey: 'kiosk-1-press-0001' }, manager);
    const again = await ok('queue/issue', { categoryId: a, idempotencyKey: 'kiosk-1-press-0001' }, manager);
    expect(again.number).toBe(first.number);
    expect(again.id).toBe(first.id);
    expect((await ok('queue/issue', { categoryId: a, idempotencyKey: 'kiosk-1-press-0002' }, manager)).number).not.toBe(first.number);
    expect(await send('queue/issue', { categoryId: category('B').id, idempotencyKey: 'kiosk-1-press-0001' }, manager)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('pages the waiting list instead of sending every waiting ticket at once', async () => {
    for (let i = 0; i < 5; i += 1) await issue('A');
    const page = await ok('queue/waitingList', { offset: 1, limit: 2 }, clerk1);
    const all = await ok('queue/waitingList', {}, clerk1);
    expect(all).toHaveLength(5);
    expect(page.map((t) => t.number)).toEqual(all.slice(1, 3).map((t) => t.number));
  });
});

describe('who may do what', () => {
  it('gives kiosks, boards and rating screens no phone or ID of the customer being served, masked or not', async () => {
    await issue('A', { phone: '13912345678', idNumber: '110105194912310021' });
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    const atCounter = (await ok('queue/overview', {}, clerk1)).counters.find((c) => c.id === counter(1))?.current;
    expect(atCounter).toMatchObject({ phone: '139****5678' });
    expect(atCounter?.idMasked).toBeTruthy();
    const { code } = await ok('devices/issuePairingCode', { role: 'display', name: 'Board' }, manager);
    const board = (await ok('devices/pair', { code })).token;
    const onBoard = (await ok('queue/overview', {}, board)).counters.find((c) => c.id === counter(1))?.current;
    expect(onBoard).toMatchObject({ number: atCounter?.number, phone: null, idMasked: null });
  });

  it('lets only a manager call a specific ticket out of order', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    await ok('queue/openCounter', { counterId: counter(3) }, manager);
    await issue('A');
    const second = await issue('A');
    expect(await send('queue/callTicket', { counterId: counter(1), ticketId: second.id }, clerk1)).toEqual({
      ok: false,
      error: { code: 'forbidden', messageKey: 'errors.forbidden' },
    });
    expect(await ok('queue/callTicket', { counterId: counter(3), ticketId: second.id }, manager)).toMatchObject({
      number: 'A002',
      status: 'called',
      counterId: counter(3),
    });
    expect((await ok('queue/callNext', { counterId: counter(1) }, clerk1))?.number).toBe('A001');
    // A ticket already called cannot be called again somewhere else.
    await ok('queue/finish', { counterId: counter(3), ticketId: second.id }, manager);
    expect(await send('queue/callTicket', { counterId: counter(3), ticketId: second.id }, manager)).toMatchObject({
      ok: false,
      error: { messageKey: 'errors.queue.ticketFinished' },
    });
  });

  it("keeps a clerk off another clerk's counter", async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    const { id } = await issue('A');
    expect(await send('queue/callNext', { counterId: counter(1) }, clerk2)).toEqual({
      ok: false,
      error: { code: 'forbidden', messageKey: 'errors.queue.notYourCounter' },
    });
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    for (const method of ['queue/finish', 'queue/recall', 'queue/start'] as const) {
      expect(await send(method, { counterId: counter(1), ticketId: id }, clerk2)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', messageKey: 'errors.queue.notYourCounter' },
      });
    }
    expect(await send('queue/pause', { counterId: counter(1), reason: 'other' }, clerk2)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send('queue/openCounter', { counterId: counter(1) }, clerk2)).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.queue.counterTaken' },
    });
    // The ticket is untouched by the refused calls.
    expect(ticketEvents(id).map((e) => e.type)).toEqual(['issued', 'called']);
  });

  it('keeps counter, category and rule settings for managers', async () => {
    expect(await send('queue/setRule', { priorityBurst: 1, maxWaitMinutes: 20 }, clerk1)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send('queue/saveCounter', { id: counter(1), number: 1, name: 'x', categoryIds: [] }, clerk1)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send('queue/callNext', { counterId: counter(1) })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('the priority rule through the core', () => {
  it('serves priority first, one normal after each burst, as the manager set it', async () => {
    expect(await ok('queue/setRule', { priorityBurst: 2, maxWaitMinutes: 60 }, manager)).toEqual({ priorityBurst: 2, maxWaitMinutes: 60 });
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    for (const priority of ['normal', 'normal', 'priority', 'priority', 'priority'] as const) {
      await issue('A', { priority });
      hall.advanceMinutes(1);
    }
    const order: string[] = [];
    for (;;) {
      const t = await ok('queue/callNext', { counterId: counter(1) }, clerk1);
      if (!t) break;
      order.push(t.number);
      await ok('queue/finish', { counterId: counter(1), ticketId: t.id }, clerk1);
    }
    expect(order).toEqual(['A003', 'A004', 'A001', 'A005', 'A002']);
    expect((await ok('queue/overview', {}, clerk1)).rule).toEqual({ priorityBurst: 2, maxWaitMinutes: 60 });
  });

  it('calls a normal ticket past maxWaitMinutes before a fresh priority ticket', async () => {
    await ok('queue/setRule', { priorityBurst: 5, maxWaitMinutes: 15 }, manager);
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    await issue('A');
    hall.advanceMinutes(15);
    await issue('A', { priority: 'priority' });
    expect((await ok('queue/callNext', { counterId: counter(1) }, clerk1))?.number).toBe('A001');
  });
});

describe('counters restricted to categories', () => {
  it('serves every category by default; a restricted counter only its own', async () => {
    const restricted = await ok('queue/saveCounter', { id: counter(2), number: 2, name: '2号窗口', categoryIds: [category('B').id] }, manager);
    expect(restricted.categoryIds).toEqual([category('B').id]);
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    await ok('queue/openCounter', { counterId: counter(2) }, clerk2);
    await issue('A');
    expect(await ok('queue/callNext', { counterId: counter(2) }, clerk2)).toBeNull();
    await issue('B');
    expect((await ok('queue/callNext', { counterId: counter(2) }, clerk2))?.number).toBe('B001');
    expect((await ok('queue/callNext', { counterId: counter(1) }, clerk1))?.number).toBe('A001');
  });
});

describe('appointments', () => {
  it('checks in from 30 minutes before the slot for a priority ticket, once', async () => {
    const { code } = await ok(
      'queue/bookAppointment',
      { categoryId: category('B').id, slotStart: time('10:00'), slotEnd: time('10:30'), phone: '13912345678' },
      manager,
    );
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(await send('queue/checkIn', { code }, manager)).toEqual({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.queue.appointmentTooEarly', details: { from: time('09:30') } },
    });
    hall.setTime(time('09:20'));
    await issue('B');
    hall.setTime(time('09:30'));
    const ticket = await ok('queue/checkIn', { code }, manager);
    expect(ticket).toMatchObject({ number: 'B002', priority: 'appointment' });
    expect(await send('queue/checkIn', { code }, manager)).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.queue.appointmentUsed' },
    });
    // The booked customer goes before B001, who came earlier without one, and keeps the booked phone masked.
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    expect(await ok('queue/callNext', { counterId: counter(1) }, clerk1)).toMatchObject({ number: 'B002', priority: 'appointment', phone: '139****5678' });
  });

  it("lists the manager a day's bookings by slot, phones masked, checked-in ones marked", async () => {
    const late = await ok(
      'queue/bookAppointment',
      { categoryId: category('A').id, slotStart: time('11:00'), slotEnd: time('11:30'), phone: '13912345678' },
      manager,
    );
    const early = await ok('queue/bookAppointment', { categoryId: category('B').id, slotStart: time('10:00'), slotEnd: time('10:30') }, manager);
    hall.setTime(time('09:45'));
    await ok('queue/checkIn', { code: early.code }, manager);
    const day = { from: time('00:00'), to: time('23:59') };
    expect(await ok('queue/appointments', day, manager)).toEqual([
      { id: early.id, code: early.code, categoryId: category('B').id, slotStart: time('10:00'), slotEnd: time('10:30'), phoneMasked: null, checkedIn: true },
      {
        id: late.id,
        code: late.code,
        categoryId: category('A').id,
        slotStart: time('11:00'),
        slotEnd: time('11:30'),
        phoneMasked: '139****5678',
        checkedIn: false,
      },
    ]);
    expect(await send('queue/appointments', day, clerk1)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('gives a late arrival a normal ticket', async () => {
    const { code } = await ok('queue/bookAppointment', { categoryId: category('A').id, slotStart: time('10:00'), slotEnd: time('10:30') }, manager);
    hall.setTime(time('10:31'));
    expect(await ok('queue/checkIn', { code }, manager)).toMatchObject({ number: 'A001', priority: 'normal' });
  });

  it('refuses an unknown code', async () => {
    expect(await send('queue/checkIn', { code: 'ZZZZZ9' }, manager)).toMatchObject({
      ok: false,
      error: { code: 'not_found', messageKey: 'errors.queue.appointmentNotFound' },
    });
  });
});

describe('what the screens see', () => {
  it('masks the phone and ID number in the waiting list', async () => {
    await issue('A', { phone: '13812345678', idNumber: '11010519491231002x' });
    const [row] = await ok('queue/waitingList', {}, clerk1);
    expect(row).toMatchObject({ number: 'A001', phone: '138****5678', idMasked: '110105********002X' });
    expect(JSON.stringify(await ok('queue/waitingList', {}, clerk1))).not.toContain('13812345678');
  });

  it('counts waiting and serving tickets in the hall status', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    await ok('queue/openCounter', { counterId: counter(2) }, clerk2);
    for (let i = 0; i < 4; i++) await issue('A');
    const status = () => send('hall/status', {}, clerk1).then(unwrap);
    expect(await status()).toMatchObject({ ticketsWaiting: 4, ticketsServing: 0, countersOpen: 2 });
    const called = await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    expect(await status()).toMatchObject({ ticketsWaiting: 3, ticketsServing: 1 });
    await ok('queue/callNext', { counterId: counter(2) }, clerk2);
    await ok('queue/start', { counterId: counter(1), ticketId: called!.id }, clerk1);
    expect(await status()).toMatchObject({ ticketsWaiting: 2, ticketsServing: 2 });
    await ok('queue/finish', { counterId: counter(1), ticketId: called!.id }, clerk1);
    expect(await status()).toMatchObject({ ticketsWaiting: 2, ticketsServing: 1 });
    // Every change is pushed to the screens too.
    expect(pushed.filter((e) => e.type === 'hall/status').at(-1)?.payload).toMatchObject({ ticketsWaiting: 2, ticketsServing: 1 });
  });

  it('pushes the new overview with each change, once for staff and once without phones or IDs for devices', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    await issue('A', { phone: '13812345678', idNumber: '11010519491231002X' });
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    const changes = pushed.filter((e): e is HallEvent<'queue/changed'> => e.type === 'queue/changed');
    const last = (role: Role) => changes.filter((e) => e.audience.includes(role)).at(-1)?.payload.overview;
    // What a screen would have fetched with queue/overview, without fetching it.
    expect(last('clerk')).toEqual(await ok('queue/overview', {}, clerk1));
    const staffCurrent = last('clerk')?.counters.find((c) => c.id === counter(1))?.current;
    expect(staffCurrent).toMatchObject({ number: 'A001', phone: '138****5678' });
    const boardCurrent = last('display')?.counters.find((c) => c.id === counter(1))?.current;
    expect(boardCurrent).toMatchObject({ number: 'A001', phone: null, idMasked: null });
    // Each audience gets exactly one event per change: no screen sees the other's.
    expect(changes.every((e) => e.audience.includes('display') !== e.audience.includes('clerk'))).toBe(true);
  });

  it('estimates waits from the recent pace and the open counters, and shows the longest wait', async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    // One 12-minute service sets A's pace.
    const first = await issue('A');
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    hall.advanceMinutes(2);
    await ok('queue/start', { counterId: counter(1), ticketId: first.id }, clerk1);
    hall.advanceMinutes(12);
    await ok('queue/finish', { counterId: counter(1), ticketId: first.id }, clerk1);

    // 09:14: three wait in A, one in B.
    for (let i = 0; i < 3; i++) {
      await issue('A');
      hall.advanceMinutes(1);
    }
    await issue('B');
    hall.advanceMinutes(6); // 09:23: the oldest waiting came at 09:14.
    let overview = await ok('queue/overview', {}, manager);
    expect(overview.waitingTotal).toBe(4);
    expect(overview.longestWaitMinutes).toBe(9);
    const a = () => overview.categories.find((c) => c.prefix === 'A');
    // 3 ahead × 12 minutes at 1 counter; B has no history: 8 minutes a customer.
    expect(a()).toMatchObject({ waiting: 3, estimatedWaitMinutes: 36, issuing: true, closedReason: null });
    expect(overview.categories.find((c) => c.prefix === 'B')).toMatchObject({ waiting: 1, estimatedWaitMinutes: 8 });

    await ok('queue/openCounter', { counterId: counter(2) }, clerk2);
    overview = await ok('queue/overview', {}, manager);
    expect(a()?.estimatedWaitMinutes).toBe(18);
    expect(overview.counters.filter((c) => c.status === 'open').map((c) => c.number)).toEqual([1, 2]);
    // The kiosk's next A ticket has 3 ahead.
    expect(await issue('A')).toMatchObject({ ahead: 3, estimatedWaitMinutes: 18 });
    expect(overview.calls.map((c) => [c.number, c.counterNumber])).toEqual([['A001', 1]]);
  });

  it("takes the pace from the last week's services only", async () => {
    await ok('queue/openCounter', { counterId: counter(1) }, clerk1);
    const first = await issue('A');
    await ok('queue/callNext', { counterId: counter(1) }, clerk1);
    hall.advanceMinutes(30);
    await ok('queue/finish', { counterId: counter(1), ticketId: first.id }, clerk1);
    await issue('A');
    expect(await issue('A')).toMatchObject({ ahead: 1, estimatedWaitMinutes: 30 });
    // Eight days on, that slow service no longer sets the pace: 8 minutes a customer.
    hall.setTime('2025-03-11T01:00:00Z');
    await issue('A');
    expect(await issue('A')).toMatchObject({ ahead: 1, estimatedWaitMinutes: 8 });
  });

  it('shows the public status page by token with the place in line and no personal data', async () => {
    await issue('A');
    const mine = await issue('A', { phone: '13812345678', idNumber: '110105194912310021' });
    const token = mine.statusPath.replace('/t/', '');
    const page = await ok('queue/ticketStatus', { token });
    expect(page).toEqual({
      number: 'A002',
      categoryNameZh: '综合业务',
      categoryNameEn: 'General services',
      status: 'waiting',
      ahead: 1,
      estimatedWaitMinutes: 8,
      counterNumber: null,
      issuedAt: time('09:00'),
    });
    expect(JSON.stringify(page)).not.toMatch(/1381234|5678|110105|0021/);

    await ok('queue/openCounter', { counterId: counter(4) }, manager);
    await ok('queue/callTicket', { counterId: counter(4), ticketId: mine.id }, manager);
    expect(await ok('queue/ticketStatus', { token })).toMatchObject({ status: 'called', ahead: 0, counterNumber: 4 });
    expect(await send('queue/ticketStatus', { token: 'x'.repeat(24) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
