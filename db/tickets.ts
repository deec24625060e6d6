import type { Db } from './connection.ts';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show';
export type TicketPriority = 'normal' | 'priority' | 'appointment';
export type TicketEventType = 'issued' | 'called' | 'recalled' | 'started' | 'finished' | 'no_show' | 'requeued' | 'transferred' | 'reprinted';

export type TicketRow = {
  id: number;
  day: string;
  categoryId: number;
  seq: number;
  number: string;
  priority: TicketPriority;
  status: TicketStatus;
  token: string;
  phone: string | null;
  idMasked: string | null;
  issuedAt: string;
  queuedAt: string;
  targetCounterId: number | null;
  counterId: number | null;
  staffId: number | null;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
};

type Raw = {
  id: number;
  day: string;
  category_id: number;
  seq: number;
  number: string;
  priority: TicketPriority;
  status: TicketStatus;
  token: string;
  phone: string | null;
  id_masked: string | null;
  issued_at: string;
  queued_at: string;
  target_counter_id: number | null;
  counter_id: number | null;
  staff_id: number | null;
  called_at: string | null;
  started_at: string | null;
  finished_at: string | null;
};

const toTicket = (r: Raw): TicketRow => ({
  id: r.id,
  day: r.day,
  categoryId: r.category_id,
  seq: r.seq,
  number: r.number,
  priority: r.priority,
  status: r.status,
  token: r.token,
  phone: r.phone,
  idMasked: r.id_masked,
  issuedAt: r.issued_at,
  queuedAt: r.queued_at,
  targetCounterId: r.target_counter_id,
  counterId: r.counter_id,
  staffId: r.staff_id,
  calledAt: r.called_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

/** The next number for a prefix on a hall-local day; call inside the issuing transaction. */
export function nextSequence(db: Db, day: string, prefix: string): number {
  const row = db
    .prepare(
      `INSERT INTO ticket_sequences (day, prefix, last_seq) VALUES (?, ?, 1)
       ON CONFLICT(day, prefix) DO UPDATE SET last_seq = last_seq + 1
       RETURNING last_seq`,
    )
    .get(day, prefix) as { last_seq: number };
  return row.last_seq;
}

export function countIssued(db: Db, day: string, categoryId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM tickets WHERE day = ? AND category_id = ?').get(day, categoryId) as { n: number }).n;
}

export function insertTicket(db: Db, t: Omit<TicketRow, 'id' | 'status' | 'targetCounterId' | 'counterId' | 'staffId' | 'calledAt' | 'startedAt' | 'finishedAt'>): TicketRow {
  const id = Number(
    db
      .prepare(
        `INSERT INTO tickets (day, category_id, seq, number, priority, token, phone, id_masked, issued_at, queued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(t.day, t.categoryId, t.seq, t.number, t.priority, t.token, t.phone, t.idMasked, t.issuedAt, t.queuedAt).lastInsertRowid,
  );
  const row = getTicket(db, id);
  if (!row) throw new Error('inserted ticket vanished');
  return row;
}

export function getTicket(db: Db, id: number): TicketRow | undefined {
  const raw = db.prepare('SELECT * FROM tickets WHERE id = ?').get(id) as Raw | undefined;
  return raw && toTicket(raw);
}

export function getTicketByToken(db: Db, token: string): TicketRow | undefined {
  const raw = db.prepare('SELECT * FROM tickets WHERE token = ?').get(token) as Raw | undefined;
  return raw && toTicket(raw);
}

export function listWaiting(db: Db): TicketRow[] {
  return (db.prepare(`SELECT * FROM tickets WHERE status = 'waiting' ORDER BY queued_at, id`).all() as Raw[]).map(toTicket);
}

/** Tickets being called or served at a counter right now. */
export function ticketsAtCounter(db: Db, counterId: number): TicketRow[] {
  return (db.prepare(`SELECT * FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving') ORDER BY called_at`).all(counterId) as Raw[]).map(toTicket);
}

export function ticketsInService(db: Db): TicketRow[] {
  return (db.prepare(`SELECT * FROM tickets WHERE status IN ('called', 'serving') ORDER BY called_at`).all() as Raw[]).map(toTicket);
}

export type TicketChange = Partial<Pick<TicketRow, 'status' | 'queuedAt' | 'targetCounterId' | 'counterId' | 'staffId' | 'calledAt' | 'startedAt' | 'finishedAt' | 'categoryId'>>;

const columns: Record<keyof TicketChange, string> = {
  status: 'status',
  queuedAt: 'queued_at',
  targetCounterId: 'target_counter_id',
  counterId: 'counter_id',
  staffId: 'staff_id',
  calledAt: 'called_at',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  categoryId: 'category_id',
};

/**
 * Moves a ticket on, but only from one of `fromStatuses`: the WHERE clause is what
 * makes two counters unable to take the same ticket. Returns false if it had moved.
 */
export function updateTicket(db: Db, id: number, fromStatuses: readonly string[], change: TicketChange): boolean {
  const keys = Object.keys(change) as (keyof TicketChange)[];
  // Column names come from the fixed map above, never from input; values are bound.
  const sets = keys.map((k) => `${columns[k]} = ?`).join(', ');
  const statusList = fromStatuses.map(() => '?').join(', ');
  const sql = 'UPDATE tickets SET ' + sets + ' WHERE id = ? AND status IN (' + statusList + ')';
  const info = db.prepare(sql).run(...keys.map((k) => change[k] ?? null), id, ...fromStatuses);
  return info.changes === 1;
}

export function appendTicketEvent(
  db: Db,
  e: { ticketId: number; type: TicketEventType; at: string; counterId: number | null; staffId: number | null; data?: unknown },
): number {
  return Number(
    db
      .prepare('INSERT INTO ticket_events (ticket_id, type, at, counter_id, staff_id, data) VALUES (?, ?, ?, ?, ?, ?)')
      .run(e.ticketId, e.type, e.at, e.counterId, e.staffId, e.data === undefined ? null : JSON.stringify(e.data)).lastInsertRowid,
  );
}

export type CallRow = { eventId: number; type: 'called' | 'recalled'; at: string; ticketId: number; number: string; priority: TicketPriority; counterId: number; counterNumber: number; counterName: string; categoryId: number };

/** The hall's latest calls, newest first (the display's history and the priority rule's memory). */
export function recentCalls(db: Db, since: string, limit: number): CallRow[] {
  return db
    .prepare(
      `SELECT e.id AS eventId, e.type, e.at, t.id AS ticketId, t.number, t.priority, c.id AS counterId, c.number AS counterNumber,
              c.name AS counterName, t.category_id AS categoryId
       FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id JOIN counters c ON c.id = e.counter_id
       WHERE e.type IN ('called', 'recalled') AND e.at >= ?
       ORDER BY e.id DESC LIMIT ?`,
    )
    .all(since, limit) as CallRow[];
}

/** Average minutes from service start to finish over a category's latest finished tickets. */
export function averageServiceMinutes(db: Db, categoryId: number, sample: number): number | null {
  const row = db
    .prepare(
      `SELECT avg((julianday(finished_at) - julianday(coalesce(started_at, called_at))) * 1440.0) AS minutes
       FROM (SELECT started_at, called_at, finished_at FROM tickets
             WHERE category_id = ? AND status = 'done' AND finished_at IS NOT NULL
             ORDER BY finished_at DESC LIMIT ?)`,
    )
    .get(categoryId, sample) as { minutes: number | null };
  return row.minutes;
}

/** Whether each of the hall's latest first calls (not recalls) was a priority ticket, newest first. */
export function recentCallPriorities(db: Db, limit: number): boolean[] {
  const rows = db
    .prepare(
      `SELECT t.priority FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
       WHERE e.type = 'called' ORDER BY e.id DESC LIMIT ?`,
    )
    .all(limit) as { priority: TicketPriority }[];
  return rows.map((r) => r.priority !== 'normal');
}

export function waitingAhead(db: Db, ticket: Pick<TicketRow, 'id' | 'categoryId' | 'queuedAt'>): number {
  return (
    db
      .prepare(`SELECT count(*) AS n FROM tickets WHERE status = 'waiting' AND category_id = ? AND (queued_at < ? OR (queued_at = ? AND id < ?))`)
      .get(ticket.categoryId, ticket.queuedAt, ticket.queuedAt, ticket.id) as { n: number }
  ).n;
}

export function waitingByCategory(db: Db): Map<number, number> {
  const rows = db.prepare(`SELECT category_id AS id, count(*) AS n FROM tickets WHERE status = 'waiting' GROUP BY category_id`).all() as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function countTickets(db: Db, statuses: readonly TicketStatus[]): number {
  const marks = statuses.map(() => '?').join(', ');
  return (db.prepare('SELECT count(*) AS n FROM tickets WHERE status IN (' + marks + ')').get(...statuses) as { n: number }).n;
}
