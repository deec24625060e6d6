import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestHall, setUpAdmin, type TestHall, unwrap } from '../testing.ts';

let hall: TestHall;
let token: string;

// Set up once (password hashing is deliberately slow); each test starts without counters.
beforeAll(async () => {
  hall = openTestHall();
  token = (await setUpAdmin(hall)).token;
});

beforeEach(() => {
  hall.db.prepare('DELETE FROM counters').run();
});

afterAll(() => hall.close());

const addCounter = (number: number, status: 'closed' | 'open' | 'paused') =>
  hall.db
    .prepare('INSERT INTO counters (number, name, status, created_at) VALUES (?, ?, ?, ?)')
    .run(number, `Window ${number}`, status, hall.now().toISOString());

describe('hall/status', () => {
  it('shows the hall name from setup and zeros in a hall with no counters', async () => {
    expect(unwrap(await hall.core.send('hall/status', {}, token))).toEqual({
      hallName: 'North Hall',
      countersOpen: 0,
      countersPaused: 0,
      countersTotal: 0,
      ticketsWaiting: 0,
      ticketsServing: 0,
      at: hall.now().toISOString(),
    });
  });

  it('counts counters by status', async () => {
    addCounter(1, 'open');
    addCounter(2, 'open');
    addCounter(3, 'paused');
    addCounter(4, 'closed');
    addCounter(5, 'open');
    hall.advanceMinutes(5);
    expect(unwrap(await hall.core.send('hall/status', {}, token))).toEqual({
      hallName: 'North Hall',
      countersOpen: 3,
      countersPaused: 1,
      countersTotal: 5,
      ticketsWaiting: 0,
      ticketsServing: 0,
      at: hall.now().toISOString(),
    });
  });

  it('is not shown to a caller without a session', async () => {
    expect(await hall.core.send('hall/status', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('is pushed to screens on every tick', () => {
    addCounter(1, 'open');
    const seen: unknown[] = [];
    const stop = hall.core.events.subscribe((event) => seen.push(event));
    hall.core.tick();
    stop();
    expect(seen).toEqual([
      expect.objectContaining({ type: 'hall/status', payload: expect.objectContaining({ hallName: 'North Hall', countersOpen: 1, countersTotal: 1 }) }),
    ]);
  });
});

describe('hall/hours', () => {
  it('spans the active categories’ hours in the hall’s time zone, without a session', async () => {
    hall.db.prepare('UPDATE categories SET opens_at = ?, closes_at = ?, active = 1').run('09:00', '17:00');
    const first = hall.db.prepare('SELECT id FROM categories ORDER BY id LIMIT 1').get() as { id: number };
    const last = hall.db.prepare('SELECT id FROM categories ORDER BY id DESC LIMIT 1').get() as { id: number };
    hall.db.prepare('UPDATE categories SET opens_at = ? WHERE id = ?').run('08:00', first.id);
    hall.db.prepare('UPDATE categories SET closes_at = ?, active = 0 WHERE id = ?').run('21:00', last.id);
    expect(unwrap(await hall.core.send('hall/hours', {}))).toEqual({ timeZone: 'Asia/Shanghai', opensAt: '08:00', closesAt: '17:00' });
    hall.db.prepare('UPDATE categories SET active = 0').run();
    expect(unwrap(await hall.core.send('hall/hours', {}))).toMatchObject({ opensAt: null, closesAt: null });
  });
});
