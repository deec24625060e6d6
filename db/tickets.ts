import type { Db, ReadDb } from './connection.ts';
import { joinSql, query, queryOne, querySingle, run, type Sql, sql } from './sql.ts';
import { nextDaySequence } from './day-sequences.ts';
import type { Camel } from './camel-row.ts';
import type { Row } from './tables.ts';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show';
export type TicketPriority = 'normal' | 'priority' | 'appointment';
export type TicketEventType = 'issued' | 'called' | 'recalled' | 'started' | 'finished' | 'no_show' | 'requeued' | 'transferred' | 'reprinted';

/** A ticket as the queue sees it: which category it was issued in and its idempotency key stay in the table. */
export type TicketRow = Camel<Omit<Row<'tickets'>, 'issued_category_id' | 'idempotency_key'>>;

const toTicket = (r: Row<'tickets'>): TicketRow => ({
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
  return nextDaySequence(db, 'ticket_sequences', day, prefix);
}

/**
 * Numbers a prefix has given out on a hall-local day. Read from the sequence, not by
 * counting tickets per category: a ticket transferred to another category keeps its
 * number but changes category, and must not move the daily limit of either.
 */
export function countIssued(db: ReadDb, day: string, prefix: string): number {
  const row = queryOne<{ last_seq: number }>(db, sql`SELECT last_seq FROM ticket_sequences WHERE day = ${day} AND prefix = ${prefix}`);
  return row?.last_seq ?? 0;
}

/** The ticket issued earlier under this idempotency key, if any. */
export function getTicketByIdempotencyKey(db: ReadDb, key: string): TicketRow | undefined {
  const raw = queryOne<Row<'tickets'>>(db, sql`SELECT * FROM tickets WHERE idempotency_key = ${key}`);
  return raw ? toTicket(raw) : undefined;
}

export function insertTicket(
  db: Db,
  t: Omit<TicketRow, 'id' | 'status' | 'targetCounterId' | 'counterId' | 'staffId' | 'calledAt' | 'startedAt' | 'finishedAt'> & {
    idempotencyKey?: string | null;
  },
): TicketRow {
  const id = Number(
    run(
      db,
      // Issued in the category it starts in; a transfer changes category_id only (migration 0010).
      sql`INSERT INTO tickets (day, category_id, issued_category_id, seq, number, priority, token, phone, id_masked, issued_at, queued_at, idempotency_key)
         VALUES (${t.day}, ${t.categoryId}, ${t.categoryId}, ${t.seq}, ${t.number}, ${t.priority}, ${t.token}, ${t.phone}, ${t.idMasked}, ${t.issuedAt}, ${t.queuedAt}, ${t.idempotencyKey ?? null})`,
    ).lastInsertRowid,
  );
  const row = getTicket(db, id);
  if (!row) throw new Error('inserted ticket vanished');
  return row;
}

export function getTicket(db: ReadDb, id: number): TicketRow | undefined {
  const raw = queryOne<Row<'tickets'>>(db, sql`SELECT * FROM tickets WHERE id = ${id}`);
  return raw && toTicket(raw);
}

export function getTicketByToken(db: ReadDb, token: string): TicketRow | undefined {
  const raw = queryOne<Row<'tickets'>>(db, sql`SELECT * FROM tickets WHERE token = ${token}`);
  return raw && toTicket(raw);
}

/**
 * Today's queue: the tickets waiting since `since`, the hall's midnight. A ticket left
 * waiting when the hall closed is void the next day: without the bound it would be called
 * first next morning (it has waited past the starvation bound) and its number would stand
 * beside today's ticket of the same number. Bounded by queued_at, not by day, so the
 * tickets_waiting index alone answers.
 */
export function listWaiting(db: ReadDb, since: string, page: { offset: number; limit: number } = { offset: 0, limit: -1 }): TicketRow[] {
  return query<Row<'tickets'>>(
    db,
    sql`SELECT * FROM tickets WHERE status = 'waiting' AND queued_at >= ${since} ORDER BY queued_at, id LIMIT ${page.limit} OFFSET ${page.offset}`,
  ).map(toTicket);
}

/** Tickets being called or served at a counter right now. */
export function ticketsAtCounter(db: ReadDb, counterId: number): TicketRow[] {
  return query<Row<'tickets'>>(db, sql`SELECT * FROM tickets WHERE counter_id = ${counterId} AND status IN ('called', 'serving') ORDER BY called_at`).map(
    toTicket,
  );
}

/**
 * Every ticket being called or served, oldest call first. Read counter by counter through the
 * tickets_counter index, as countInService does: a plain status filter has none and read every
 * ticket ever issued — 180 ms an overview on a year-old hall (bench hall.busy). CROSS JOIN
 * keeps counters the outer loop: with a plain JOIN SQLite chose to scan the tickets.
 */
export function ticketsInService(db: ReadDb): TicketRow[] {
  return query<Row<'tickets'>>(
    db,
    sql`SELECT t.* FROM counters c CROSS JOIN tickets t ON t.counter_id = c.id AND t.status IN ('called', 'serving') ORDER BY t.called_at`,
  ).map(toTicket);
}

export type TicketChange = Partial<
  Pick<TicketRow, 'status' | 'queuedAt' | 'targetCounterId' | 'counterId' | 'staffId' | 'calledAt' | 'startedAt' | 'finishedAt' | 'categoryId'>
>;

const columns: Record<keyof TicketChange, Sql> = {
  status: sql`status`,
  queuedAt: sql`queued_at`,
  targetCounterId: sql`target_counter_id`,
  counterId: sql`counter_id`,
  staffId: sql`staff_id`,
  calledAt: sql`called_at`,
  startedAt: sql`started_at`,
  finishedAt: sql`finished_at`,
  categoryId: sql`category_id`,
};
const isChangeKey = (key: string): key is keyof TicketChange => Object.hasOwn(columns, key);

/**
 * Moves a ticket on, but only from one of `fromStatuses`: the WHERE clause is what
 * makes two counters unable to take the same ticket. Returns false if it had moved.
 */
export function updateTicket(db: Db, id: number, fromStatuses: readonly string[], change: TicketChange): boolean {
  // Column names come from the fixed map above, never from input; values are bound.
  const sets = joinSql(
    Object.keys(change)
      .filter(isChangeKey)
      .map((k) => sql`${columns[k]} = ${change[k] ?? null}`),
    ', ',
  );
  const statusList = joinSql(
    fromStatuses.map((s) => sql`${s}`),
    ', ',
  );
  return run(db, sql`UPDATE tickets SET ${sets} WHERE id = ${id} AND status IN (${statusList})`).changes === 1;
}

export function appendTicketEvent(
  db: Db,
  e: { ticketId: number; type: TicketEventType; at: string; counterId: number | null; staffId: number | null; data?: unknown },
): number {
  return Number(
    run(
      db,
      sql`INSERT INTO ticket_events (ticket_id, type, at, counter_id, staff_id, data) VALUES (${e.ticketId}, ${e.type}, ${e.at}, ${e.counterId}, ${e.staffId}, ${e.data === undefined ? null : JSON.stringify(e.data)})`,
    ).lastInsertRowid,
  );
}

export type CallRow = {
  eventId: number;
  type: 'called' | 'recalled';
  at: string;
  ticketId: number;
  number: string;
  priority: TicketPriority;
  counterId: number;
  counterNumber: number;
  counterName: string;
  categoryId: number;
};

/**
 * The hall's latest calls, newest first (the display's history). Ordered by time so the
 * ticket_events_at index bounds the read: ordered by id, SQLite walks the whole event
 * history backwards whenever fewer than `limit` calls were made since `since` (every
 * morning), hundreds of milliseconds after a year of events.
 */
export function recentCalls(db: ReadDb, since: string, limit: number): CallRow[] {
  return query<CallRow>(
    db,
    sql`SELECT e.id AS eventId, e.type, e.at, t.id AS ticketId, t.number, t.priority, c.id AS counterId, c.number AS counterNumber,
              c.name AS counterName, t.category_id AS categoryId
       FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id JOIN counters c ON c.id = e.counter_id
       WHERE e.type IN ('called', 'recalled') AND e.at >= ${since}
       ORDER BY e.at DESC, e.id DESC LIMIT ${limit}`,
  );
}

const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Average minutes from service start to finish over a category's latest finished tickets
 * of the hall days from `sinceDay` on. The day bound lets the tickets_day index do the
 * reading; without it every printed ticket and every overview sorted all tickets ever.
 */
export function averageServiceMinutes(db: ReadDb, categoryId: number, sample: number, sinceDay: string): number | null {
  const row = querySingle<{ minutes: number | null }>(
    db,
    sql`SELECT avg((julianday(finished_at) - julianday(coalesce(started_at, called_at))) * 1440.0) AS minutes
       FROM (SELECT started_at, called_at, finished_at FROM tickets
             WHERE day >= ${sinceDay} AND category_id = ${categoryId} AND status = 'done' AND finished_at >= ${dayBefore(sinceDay)}
             ORDER BY finished_at DESC LIMIT ${sample})`,
    // The finish-time bound lets the tickets_pace range stop at the first day: with the day bound
    // alone a category whose recent days saw no finished ticket walked all it ever finished. A
    // ticket of day D finishes after D began in any time zone, so the day before is a safe floor.
  );
  return row.minutes;
}

/** Whether each of the hall's latest first calls (not recalls) was a priority ticket, newest first. */
export function recentCallPriorities(db: ReadDb, limit: number): boolean[] {
  const rows = query<{ priority: TicketPriority }>(
    db,
    sql`SELECT t.priority FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
       WHERE e.type = 'called' ORDER BY e.id DESC LIMIT ${limit}`,
  );
  return rows.map((r) => r.priority !== 'normal');
}

/** Tickets of the same category ahead of this one in today's queue (see listWaiting). */
export function waitingAhead(db: ReadDb, ticket: Pick<TicketRow, 'id' | 'categoryId' | 'queuedAt'>, since: string): number {
  return querySingle<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM tickets
         WHERE status = 'waiting' AND queued_at >= ${since} AND category_id = ${ticket.categoryId} AND (queued_at < ${ticket.queuedAt} OR (queued_at = ${ticket.queuedAt} AND id < ${ticket.id}))`,
  ).n;
}

/** Today's waiting tickets per category (see listWaiting). */
export function waitingByCategory(db: ReadDb, since: string): Map<number, number> {
  const rows = query<{
    id: number;
    n: number;
  }>(db, sql`SELECT category_id AS id, count(*) AS n FROM tickets WHERE status = 'waiting' AND queued_at >= ${since} GROUP BY category_id`);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** When today's longest-waiting ticket joined the queue (see listWaiting); undefined when nobody waits. Read off the tickets_waiting index. */
export function oldestWaiting(db: ReadDb, since: string): string | undefined {
  return (
    querySingle<{ at: string | null }>(db, sql`SELECT min(queued_at) AS at FROM tickets WHERE status = 'waiting' AND queued_at >= ${since}`).at ?? undefined
  );
}

/** Today's waiting tickets (see listWaiting). */
export function countWaiting(db: ReadDb, since: string): number {
  return querySingle<{ n: number }>(db, sql`SELECT count(*) AS n FROM tickets WHERE status = 'waiting' AND queued_at >= ${since}`).n;
}

/**
 * Tickets being called or served at any counter. Counted counter by counter so the
 * tickets_counter index does the reading: a plain status filter has no index and read
 * every ticket ever issued on each queue change.
 */
export function countInService(db: ReadDb): number {
  return querySingle<{ n: number }>(
    db,
    sql`SELECT coalesce(sum((SELECT count(*) FROM tickets t WHERE t.counter_id = c.id AND t.status IN ('called', 'serving'))), 0) AS n
         FROM counters c`,
  ).n;
}

/** The latest event of a ticket: tells a ticket transferred away from one requeued after a no-show. */
export function lastTicketEventType(db: ReadDb, ticketId: number): TicketEventType | undefined {
  const row = queryOne<{ type: TicketEventType }>(db, sql`SELECT type FROM ticket_events WHERE ticket_id = ${ticketId} ORDER BY id DESC LIMIT 1`);
  return row?.type;
}
