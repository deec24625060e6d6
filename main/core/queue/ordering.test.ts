import { describe, expect, it } from 'vitest';
import { type Candidate, defaultPriorityRule, mayServe, type PickContext, pickNext } from './ordering.ts';

// 09:30 Shanghai; tickets are issued from 09:00 on, one a minute.
const now = new Date('2025-03-03T01:30:00.000Z');
const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 1, minute)).toISOString();

let nextId = 1;
const ticket = (minute: number, extra: Partial<Candidate> = {}): Candidate => ({
  id: nextId++,
  categoryId: 1,
  priority: 'normal',
  queuedAt: at(minute),
  targetCounterId: null,
  ...extra,
});

const ctx = (extra: Partial<PickContext> = {}): PickContext => ({
  counterId: 1,
  categoryIds: null,
  rule: defaultPriorityRule,
  recentCallsPriority: [],
  now,
  ...extra,
});

/** Calls the whole queue empty at one counter, feeding each call back into the hall's memory, and returns the order. */
function callAll(tickets: Candidate[], context: PickContext): number[] {
  const left = [...tickets];
  const history: boolean[] = [...context.recentCallsPriority];
  const order: number[] = [];
  for (;;) {
    const picked = pickNext(left, { ...context, recentCallsPriority: history });
    if (!picked) return order;
    order.push(picked.id);
    left.splice(left.indexOf(picked), 1);
    history.unshift(picked.priority !== 'normal');
  }
}

describe('pickNext', () => {
  it('gives nothing when nobody waits', () => {
    expect(pickNext([], ctx())).toBeUndefined();
  });

  it('serves normal tickets first come, first served', () => {
    const a = ticket(3);
    const b = ticket(1);
    const c = ticket(2);
    expect(callAll([a, b, c], ctx())).toEqual([b.id, c.id, a.id]);
  });

  it('breaks a tie of the same queue time by the earlier ticket', () => {
    const first = ticket(5);
    const second = ticket(5);
    expect(pickNext([second, first], ctx())?.id).toBe(first.id);
  });

  it('serves a priority or appointment ticket before normal tickets that came earlier', () => {
    const normal = ticket(1);
    const green = ticket(10, { priority: 'priority' });
    expect(pickNext([normal, green], ctx())?.id).toBe(green.id);
    const booked = ticket(12, { priority: 'appointment' });
    expect(pickNext([normal, booked], ctx())?.id).toBe(booked.id);
  });

  it('after priorityBurst priority calls in a row, calls one normal ticket, then priority again', () => {
    const normals = [ticket(1), ticket(2)];
    const priorities = [
      ticket(10, { priority: 'priority' }),
      ticket(11, { priority: 'appointment' }),
      ticket(12, { priority: 'priority' }),
      ticket(13, { priority: 'priority' }),
    ];
    const [n1, n2] = normals;
    const [p1, p2, p3, p4] = priorities;
    const order = callAll([...normals, ...priorities], ctx({ rule: { priorityBurst: 3, maxWaitMinutes: 30 } }));
    expect(order).toEqual([p1!.id, p2!.id, p3!.id, n1!.id, p4!.id, n2!.id]);
  });

  it("counts the hall's calls at every counter toward the burst, not only this counter's", () => {
    const normal = ticket(1);
    const green = ticket(10, { priority: 'priority' });
    // Other counters just called three priority tickets in a row.
    expect(pickNext([normal, green], ctx({ recentCallsPriority: [true, true, true] }))?.id).toBe(normal.id);
    // One normal call among the last three: the burst is not spent.
    expect(pickNext([normal, green], ctx({ recentCallsPriority: [true, false, true] }))?.id).toBe(green.id);
    // Fewer calls than the burst so far today: priority still goes first.
    expect(pickNext([normal, green], ctx({ recentCallsPriority: [true, true] }))?.id).toBe(green.id);
  });

  it('calls priority tickets after a spent burst when no normal ticket waits', () => {
    const green = ticket(10, { priority: 'priority' });
    expect(pickNext([green], ctx({ recentCallsPriority: [true, true, true] }))?.id).toBe(green.id);
  });

  it('with priorityBurst 0 gives priority tickets no precedence', () => {
    const normal = ticket(1);
    const green = ticket(10, { priority: 'priority' });
    const rule = { priorityBurst: 0, maxWaitMinutes: 30 };
    expect(callAll([green, normal], ctx({ rule }))).toEqual([normal.id, green.id]);
  });

  it('calls a ticket that waited maxWaitMinutes before any priority ticket (starvation bound)', () => {
    // Queued 09:00 and 09:01: at 09:30 the first has waited exactly 30 minutes.
    const starving = ticket(0);
    const younger = ticket(1);
    const green = ticket(20, { priority: 'priority' });
    expect(pickNext([younger, starving, green], ctx())?.id).toBe(starving.id);
    // A minute earlier nobody has waited 30 minutes yet: priority goes first.
    expect(pickNext([younger, starving, green], ctx({ now: new Date(now.getTime() - 60_000) }))?.id).toBe(green.id);
  });

  it('among overdue tickets calls the longest waiting, whatever its priority', () => {
    const overdueNormal = ticket(0);
    const overdueGreen = ticket(0, { priority: 'priority', queuedAt: new Date(Date.UTC(2025, 2, 3, 0, 50)).toISOString() });
    expect(pickNext([overdueNormal, overdueGreen], ctx())?.id).toBe(overdueGreen.id);
  });

  it("bounds every normal ticket's wait under a steady stream of priority tickets", () => {
    // A priority ticket arrives every minute and the rule never yields (burst 20);
    // the normal ticket from 09:00 is still called once it has waited 30 minutes.
    const rule = { priorityBurst: 20, maxWaitMinutes: 30 };
    const normal = ticket(0);
    const stream = Array.from({ length: 29 }, (_, i) => ticket(i + 1, { priority: 'priority' }));
    expect(pickNext([normal, ...stream], ctx({ rule, now: new Date(Date.UTC(2025, 2, 3, 1, 29)) }))?.priority).toBe('priority');
    expect(pickNext([normal, ...stream], ctx({ rule, now: new Date(Date.UTC(2025, 2, 3, 1, 30)) }))?.id).toBe(normal.id);
  });

  it('calls a ticket transferred to this counter first, before overdue and priority tickets', () => {
    const starving = ticket(0);
    const green = ticket(2, { priority: 'priority' });
    const transferred = ticket(25, { targetCounterId: 1 });
    expect(pickNext([starving, green, transferred], ctx())?.id).toBe(transferred.id);
  });

  it('never calls a ticket transferred to another counter', () => {
    const elsewhere = ticket(0, { targetCounterId: 2, priority: 'priority' });
    expect(pickNext([elsewhere], ctx())).toBeUndefined();
    const normal = ticket(5);
    expect(pickNext([elsewhere, normal], ctx())?.id).toBe(normal.id);
    expect(pickNext([elsewhere, normal], ctx({ counterId: 2 }))?.id).toBe(elsewhere.id);
  });

  it('at a restricted counter only calls tickets of its categories, overdue or not', () => {
    const otherOverdue = ticket(0, { categoryId: 2 });
    const otherGreen = ticket(1, { categoryId: 2, priority: 'priority' });
    const mine = ticket(10, { categoryId: 3 });
    expect(pickNext([otherOverdue, otherGreen, mine], ctx({ categoryIds: [3] }))?.id).toBe(mine.id);
    expect(pickNext([otherOverdue, otherGreen], ctx({ categoryIds: [3] }))).toBeUndefined();
    // Unrestricted, the same counter takes the overdue one.
    expect(pickNext([otherOverdue, otherGreen, mine], ctx())?.id).toBe(otherOverdue.id);
  });

  it('lets a ticket transferred to a restricted counter through, whatever its category', () => {
    const sent = ticket(5, { categoryId: 2, targetCounterId: 1 });
    expect(mayServe(sent, { counterId: 1, categoryIds: [3] })).toBe(true);
    expect(pickNext([sent], ctx({ categoryIds: [3] }))?.id).toBe(sent.id);
  });
});

describe('the worked example of docs/queue-rule.md', () => {
  // One counter calls every 3 minutes from 09:00 (Shanghai); waiting at 09:00:
  const shanghai = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return new Date(Date.UTC(2025, 2, 3, h! - 8, m));
  };
  const waiting: Candidate[] = [
    { id: 1, categoryId: 1, priority: 'normal', queuedAt: shanghai('08:50').toISOString(), targetCounterId: null },
    { id: 2, categoryId: 1, priority: 'normal', queuedAt: shanghai('08:51').toISOString(), targetCounterId: null },
    { id: 3, categoryId: 1, priority: 'priority', queuedAt: shanghai('08:52').toISOString(), targetCounterId: null },
    { id: 4, categoryId: 1, priority: 'appointment', queuedAt: shanghai('08:53').toISOString(), targetCounterId: null },
    { id: 5, categoryId: 1, priority: 'priority', queuedAt: shanghai('08:54').toISOString(), targetCounterId: null },
    { id: 6, categoryId: 1, priority: 'priority', queuedAt: shanghai('08:55').toISOString(), targetCounterId: null },
    { id: 7, categoryId: 1, priority: 'appointment', queuedAt: shanghai('08:56').toISOString(), targetCounterId: null },
  ];

  /** "09:00 A003, 09:03 A004, ..." */
  function calls(rule: { priorityBurst: number; maxWaitMinutes: number }): string[] {
    const left = [...waiting];
    const history: boolean[] = [];
    const out: string[] = [];
    for (let i = 0; left.length > 0; i++) {
      const now = new Date(shanghai('09:00').getTime() + i * 3 * 60_000);
      const picked = pickNext(left, { counterId: 1, categoryIds: null, rule, recentCallsPriority: history, now });
      if (!picked) throw new Error('nobody called');
      left.splice(left.indexOf(picked), 1);
      history.unshift(picked.priority !== 'normal');
      out.push(`${new Date(now.getTime() + 8 * 3600_000).toISOString().slice(11, 16)} A00${picked.id}`);
    }
    return out;
  }

  it('with the defaults (burst 3, 30 minutes)', () => {
    expect(calls({ priorityBurst: 3, maxWaitMinutes: 30 })).toEqual([
      '09:00 A003',
      '09:03 A004',
      '09:06 A005',
      '09:09 A001',
      '09:12 A006',
      '09:15 A007',
      '09:18 A002',
    ]);
  });

  it('with maxWaitMinutes 20', () => {
    expect(calls({ priorityBurst: 3, maxWaitMinutes: 20 })).toEqual([
      '09:00 A003',
      '09:03 A004',
      '09:06 A005',
      '09:09 A001',
      '09:12 A002',
      '09:15 A006',
      '09:18 A007',
    ]);
  });

  it('with priorityBurst 1', () => {
    expect(calls({ priorityBurst: 1, maxWaitMinutes: 30 })).toEqual([
      '09:00 A003',
      '09:03 A001',
      '09:06 A004',
      '09:09 A002',
      '09:12 A005',
      '09:15 A006',
      '09:18 A007',
    ]);
  });

  it('with priorityBurst 0', () => {
    expect(calls({ priorityBurst: 0, maxWaitMinutes: 30 })).toEqual([
      '09:00 A001',
      '09:03 A002',
      '09:06 A003',
      '09:09 A004',
      '09:12 A005',
      '09:15 A006',
      '09:18 A007',
    ]);
  });
});
