import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate } from '../migrate.ts';
import { appendTicketEvent, insertTicket, recentCalls } from '../tickets.ts';
import { migrations } from './index.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0018-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const planOfCalls = () =>
  (
    db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT e.id FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id JOIN counters c ON c.id = e.counter_id
           WHERE e.type IN ('called', 'recalled') AND e.at >= ? ORDER BY e.at DESC, e.id DESC LIMIT ?`,
      )
      .all('2026-11-25', 10) as { detail: string }[]
  ).map((r) => r.detail);

describe('migration 0018: calls in time order', () => {
  it('reads the latest calls through their own index', () => {
    migrate(db, migrations.filter((m) => m.version <= 17));
    expect(planOfCalls().join(' | ')).not.toMatch(/ticket_events_calls/);
    migrate(db);
    expect(planOfCalls().join(' | ')).toMatch(/USING (COVERING )?INDEX ticket_events_calls/);
  });

  it('finds the same calls among a morning of issued tickets', () => {
    migrate(db);
    const counter = (db.prepare('SELECT id FROM counters ORDER BY number LIMIT 1').get() as { id: number }).id;
    for (let i = 1; i <= 300; i++) {
      const at = new Date(Date.parse('2026-11-25T01:00:00Z') + i * 1000).toISOString();
      const t = insertTicket(db, { day: '2026-11-25', categoryId: 1, seq: i, number: `A${i}`, priority: 'normal', token: `t${i}`, phone: null, idMasked: null, issuedAt: at, queuedAt: at });
      appendTicketEvent(db, { ticketId: t.id, type: 'issued', at, counterId: null, staffId: null });
      if (i % 100 === 0) appendTicketEvent(db, { ticketId: t.id, type: 'called', at, counterId: counter, staffId: null });
    }
    expect(recentCalls(db, '2026-11-25T00:00:00Z', 10).map((c) => c.number)).toEqual(['A300', 'A200', 'A100']);
  });
});
