import type { Core } from '../../main/core/create-core.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCategoryByPrefix } from '../../db/categories.ts';
import { listCounters } from '../../db/counters.ts';
import { insertStaff, type StaffRole } from '../../db/staff.ts';
import { hashPassword } from '../../main/core/auth/password.ts';
import { openStaffSession } from '../../main/core/auth/sessions.ts';
import type { TicketView } from '../../main/core/queue/contract.ts';
import { post, postOk, startInProcessTestHall, type TestHall } from './hall-fixture.ts';

// Twenty clerks at twenty counters press "call next" at the same instant, over real HTTP.
const COUNTERS = 20;

let hall: TestHall & { core: Core };
let managerToken: string;
let clerks: { staffId: number; token: string; counterId: number }[];
let categoryId: number;

beforeAll(async () => {
  hall = await startInProcessTestHall();
  const { db, clock, sessionPolicy } = hall.core.deps;
  // Accounts straight into the database with one hash: twenty scrypt hashes would cost ten seconds.
  const passwordHash = await hashPassword('Passw0rd-test');
  const account = (workNo: string, roles: StaffRole[]) => {
    const staff = insertStaff(db, { workNo, name: `Staff ${workNo}`, passwordHash, roles, now: clock.now().toISOString() });
    return { staffId: staff.id, token: openStaffSession(db, clock, sessionPolicy, staff.id).token };
  };
  managerToken = account('M0001', ['manager']).token;
  categoryId = getCategoryByPrefix(db, 'A')!.id;

  // The hall comes with counters 1–4; the manager adds the rest.
  for (let n = 5; n <= COUNTERS; n++) await postOk(hall.url, 'queue/saveCounter', { number: n, name: `${n}号窗口`, categoryIds: [] }, managerToken);
  const counterIds = listCounters(db).map((c) => c.id);
  expect(counterIds).toHaveLength(COUNTERS);
  clerks = counterIds.map((counterId, i) => ({ ...account(`C${String(i + 1).padStart(4, '0')}`, ['clerk']), counterId }));
  for (const clerk of clerks) await postOk(hall.url, 'queue/openCounter', { counterId: clerk.counterId }, clerk.token);
});

afterAll(() => hall?.stop());

const issueMany = async (n: number) => {
  const tickets = await Promise.all(
    Array.from({ length: n }, () => postOk<{ id: number; number: string }>(hall.url, 'queue/issue', { categoryId }, managerToken)),
  );
  return tickets;
};

/** Every clerk presses "call next" at once; returns what each got, in clerk order. */
const callAllAtOnce = () =>
  Promise.all(clerks.map((clerk) => post<TicketView | null>(hall.url, 'queue/callNext', { counterId: clerk.counterId }, clerk.token)));

const calledEvents = () =>
  hall.core.deps.db
    .prepare(`SELECT ticket_id AS ticketId, counter_id AS counterId, staff_id AS staffId FROM ticket_events WHERE type = 'called' ORDER BY ticket_id`)
    .all() as {
    ticketId: number;
    counterId: number;
    staffId: number;
  }[];

describe('counters calling at the same instant', () => {
  it('never give two counters the same ticket, and lose none', async () => {
    const issued = await issueMany(2 * COUNTERS);
    // Issued concurrently too: forty different numbers, A001 to A040.
    expect(new Set(issued.map((t) => t.number)).size).toBe(2 * COUNTERS);
    expect(issued.map((t) => t.number).sort()).toEqual(Array.from({ length: 2 * COUNTERS }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));

    const got: { ticketId: number; counterId: number; staffId: number }[] = [];
    for (let round = 1; round <= 2; round++) {
      const responses = await callAllAtOnce();
      const tickets = responses.map((r, i) => {
        expect(r.status, `clerk ${i + 1}, round ${round}: ${JSON.stringify(r.body)}`).toBe(200);
        if (!r.body.ok || !r.body.value) throw new Error(`clerk ${i + 1} got no ticket in round ${round}`);
        return r.body.value;
      });
      // Each counter holds the ticket it was given.
      tickets.forEach((t, i) => expect(t).toMatchObject({ status: 'called', counterId: clerks[i]!.counterId }));
      expect(new Set(tickets.map((t) => t.id)).size).toBe(COUNTERS);
      got.push(...tickets.map((t, i) => ({ ticketId: t.id, counterId: clerks[i]!.counterId, staffId: clerks[i]!.staffId })));

      const finished = await Promise.all(
        tickets.map((t, i) => post(hall.url, 'queue/finish', { counterId: clerks[i]!.counterId, ticketId: t.id }, clerks[i]!.token)),
      );
      expect(finished.map((r) => r.status)).toEqual(Array(COUNTERS).fill(200));
    }

    // Forty calls, forty different tickets: exactly the forty issued.
    expect(got.map((g) => g.ticketId).sort((a, b) => a - b)).toEqual(issued.map((t) => t.id).sort((a, b) => a - b));
    // The record holds one 'called' event per call, at the counter and by the clerk that got it.
    expect(calledEvents()).toEqual([...got].sort((a, b) => a.ticketId - b.ticketId));

    // Nobody left: a third round finds the queue empty at every counter.
    const third = await callAllAtOnce();
    expect(third.map((r) => r.body)).toEqual(Array(COUNTERS).fill({ ok: true, value: null }));
    expect(await postOk(hall.url, 'hall/status', {}, managerToken)).toMatchObject({ ticketsWaiting: 0, ticketsServing: 0, countersOpen: COUNTERS });
  });

  it('finishes a ticket once when its counter sends "finish" twenty times at once', async () => {
    const [ticket] = await issueMany(1);
    const clerk = clerks[0]!;
    const called = await postOk<TicketView>(hall.url, 'queue/callNext', { counterId: clerk.counterId }, clerk.token);
    expect(called.id).toBe(ticket!.id);

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post<TicketView>(hall.url, 'queue/finish', { counterId: clerk.counterId, ticketId: ticket!.id }, clerk.token)),
    );
    const done = responses.filter((r) => r.body.ok);
    expect(done).toHaveLength(1);
    expect(done[0]!.body).toMatchObject({ ok: true, value: { id: ticket!.id, status: 'done' } });
    const refused = responses.filter((r) => !r.body.ok);
    expect(refused).toHaveLength(19);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body).toEqual({ ok: false, error: { code: 'conflict', messageKey: 'errors.queue.ticketFinished', details: { number: ticket!.number } } });
    }
    const finishedRows = hall.core.deps.db.prepare(`SELECT count(*) AS n FROM ticket_events WHERE ticket_id = ? AND type = 'finished'`).get(ticket!.id);
    expect(finishedRows).toEqual({ n: 1 });
  });
});
