import { describe, expect, it } from 'vitest';
import { insertTicket, ticketsInService, updateTicket } from './tickets.ts';
import { scratchDatabase } from './testing/scratch-database.ts';

const db = scratchDatabase('inservice');

describe('tickets in service', () => {
  it('are read counter by counter through the index, never by scanning every ticket', () => {
    const plan = (
      db()
        .prepare(
          `EXPLAIN QUERY PLAN SELECT t.* FROM counters c CROSS JOIN tickets t ON t.counter_id = c.id AND t.status IN ('called', 'serving') ORDER BY t.called_at`,
        )
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/SEARCH t USING INDEX tickets_counter/);
    expect(plan).not.toMatch(/SCAN t\b/);
  });

  it('are the called and served tickets at counters, oldest call first', () => {
    const counters = db().prepare('SELECT id FROM counters ORDER BY number LIMIT 2').all() as { id: number }[];
    const [one, two] = counters.map((c) => c.id);
    const add = (n: number) =>
      insertTicket(db(), {
        day: '2026-11-25',
        categoryId: 1,
        seq: n,
        number: `A${n}`,
        priority: 'normal',
        token: `t${n}`,
        phone: null,
        idMasked: null,
        issuedAt: '2026-11-25T02:00:00Z',
        queuedAt: '2026-11-25T02:00:00Z',
      });
    const a = add(1);
    const b = add(2);
    add(3);
    updateTicket(db(), b.id, ['waiting'], { status: 'called', counterId: one ?? null, calledAt: '2026-11-25T02:05:00Z' });
    updateTicket(db(), a.id, ['waiting'], { status: 'serving', counterId: two ?? null, calledAt: '2026-11-25T02:01:00Z' });
    expect(ticketsInService(db()).map((t) => t.number)).toEqual(['A1', 'A2']);
  });
});
