import { inTransaction } from '../../../db/connection.ts';
import { type CounterRow, getCounter, listCounters, setCounterStatus } from '../../../db/counters.ts';
import { getStaffById } from '../../../db/staff.ts';
import {
  appendTicketEvent,
  getTicket,
  lastTicketEventType,
  listWaiting,
  recentCallPriorities,
  type TicketChange,
  type TicketEventType,
  type TicketRow,
  type TicketStatus,
  ticketsAtCounter,
  updateTicket,
} from '../../../db/tickets.ts';
import { asStaff, type Caller, isManager, type StaffCaller } from '../api/caller.ts';
import { fail } from '../api/errors.ts';
import type { CoreDeps } from '../deps.ts';
import { pickNext } from './ordering.ts';
import { queueSince, readRule } from './settings.ts';
import { toCounterView } from './views.ts';

/**
 * `known`: what the caller has read for all counters at once (the overview): the ticket at
 * the counter and the staff names; without it they are read here.
 */
export function counterView(deps: Pick<CoreDeps, 'db'>, counter: CounterRow, known?: { current: TicketRow | null; names: ReadonlyMap<number, string> }) {
  const name = counter.staffId === null ? null : known ? (known.names.get(counter.staffId) ?? null) : (getStaffById(deps.db, counter.staffId)?.name ?? null);
  return toCounterView(counter, name, known ? (known.current ?? undefined) : ticketsAtCounter(deps.db, counter.id)[0]);
}

/** The counter, held by this clerk (a manager may act on any counter). */
function ownCounter(deps: CoreDeps, caller: StaffCaller, counterId: number): CounterRow {
  const counter = getCounter(deps.db, counterId) ?? fail('not_found', 'errors.queue.counterNotFound');
  if (counter.status === 'closed') fail('conflict', 'errors.queue.counterClosed');
  if (counter.staffId !== caller.staffId && !isManager(caller)) fail('forbidden', 'errors.queue.notYourCounter');
  return counter;
}

export function openCounter(deps: CoreDeps, caller: Caller, counterId: number) {
  const staff = asStaff(caller);
  const at = deps.clock.now().toISOString();
  return inTransaction(deps.db, () => {
    const counter = getCounter(deps.db, counterId) ?? fail('not_found', 'errors.queue.counterNotFound');
    if (counter.status !== 'closed' && counter.staffId !== null && counter.staffId !== staff.staffId && !isManager(staff)) {
      fail('conflict', 'errors.queue.counterTaken');
    }
    // A clerk works one counter at a time: moving to another closes the one left behind.
    for (const other of listCounters(deps.db)) {
      if (other.id !== counterId && other.staffId === staff.staffId && other.status !== 'closed' && ticketsAtCounter(deps.db, other.id).length === 0) {
        setCounterStatus(deps.db, other.id, { status: 'closed', staffId: null, reason: null, at, event: 'closed' });
      }
    }
    if (counter.status === 'closed' || counter.staffId !== staff.staffId) {
      setCounterStatus(deps.db, counterId, { status: 'open', staffId: staff.staffId, reason: null, at, event: 'opened' });
    }
    return counterView(deps, getCounter(deps.db, counterId) ?? fail('not_found', 'errors.queue.counterNotFound'));
  });
}

export function closeCounter(deps: CoreDeps, caller: Caller, counterId: number) {
  const staff = asStaff(caller);
  const at = deps.clock.now().toISOString();
  return inTransaction(deps.db, () => {
    ownCounter(deps, staff, counterId);
    if (ticketsAtCounter(deps.db, counterId).length > 0) fail('conflict', 'errors.queue.finishCurrentFirst');
    setCounterStatus(deps.db, counterId, { status: 'closed', staffId: null, reason: null, at, event: 'closed' });
    return counterView(deps, getCounter(deps.db, counterId) ?? fail('not_found', 'errors.queue.counterNotFound'));
  });
}

export function pauseCounter(deps: CoreDeps, caller: Caller, counterId: number, reason: string) {
  const staff = asStaff(caller);
  const at = deps.clock.now().toISOString();
  return inTransaction(deps.db, () => {
    const counter = ownCounter(deps, staff, counterId);
    if (counter.status === 'paused') fail('conflict', 'errors.queue.counterPaused');
    setCounterStatus(deps.db, counterId, { status: 'paused', staffId: counter.staffId, reason, at, event: 'paused' });
    return counterView(deps, getCounter(deps.db, counterId) ?? fail('not_found', 'errors.queue.counterNotFound'));
  });
}

export function resumeCounter(deps: CoreDeps, caller: Caller, counterId: number) {
  const staff = asStaff(caller);
  const at = deps.clock.now().toISOString();
  return inTransaction(deps.db, () => {
    const counter = ownCounter(deps, staff, counterId);
    if (counter.status !== 'paused') fail('conflict', 'errors.queue.counterNotPaused');
    setCounterStatus(deps.db, counterId, { status: 'open', staffId: counter.staffId, reason: null, at, event: 'resumed' });
    return counterView(deps, getCounter(deps.db, counterId) ?? fail('not_found', 'errors.queue.counterNotFound'));
  });
}

function mustBeOpen(counter: CounterRow) {
  if (counter.status === 'paused') fail('conflict', 'errors.queue.counterPaused');
}

/** Calls the next ticket. Runs in one immediate transaction, so two counters never get the same ticket. */
export function callNext(deps: CoreDeps, caller: Caller, counterId: number): TicketRow | null {
  const staff = asStaff(caller);
  return inTransaction(deps.db, () => {
    const counter = ownCounter(deps, staff, counterId);
    mustBeOpen(counter);
    if (ticketsAtCounter(deps.db, counterId).length > 0) fail('conflict', 'errors.queue.finishCurrentFirst');
    const rule = readRule(deps.db);
    const now = deps.clock.now();
    const waiting = listWaiting(deps.db, queueSince(deps.db, now));
    const picked = pickNext(waiting, {
      counterId,
      categoryIds: counter.categoryIds.length === 0 ? null : counter.categoryIds,
      rule,
      recentCallsPriority: recentCallPriorities(deps.db, Math.max(1, rule.priorityBurst)),
      now,
    });
    if (!picked) return null;
    return callTicketIn(deps, staff, counter, picked.id, 'called');
  });
}

/** A manager calls a specific waiting ticket out of order. */
export function callSpecific(deps: CoreDeps, caller: Caller, counterId: number, ticketId: number): TicketRow {
  const staff = asStaff(caller);
  return inTransaction(deps.db, () => {
    const counter = ownCounter(deps, staff, counterId);
    mustBeOpen(counter);
    if (ticketsAtCounter(deps.db, counterId).length > 0) fail('conflict', 'errors.queue.finishCurrentFirst');
    return callTicketIn(deps, staff, counter, ticketId, 'called');
  });
}

function callTicketIn(deps: CoreDeps, staff: StaffCaller, counter: CounterRow, ticketId: number, type: TicketEventType): TicketRow {
  const at = deps.clock.now().toISOString();
  const moved = updateTicket(deps.db, ticketId, ['waiting'], {
    status: 'called',
    counterId: counter.id,
    staffId: staff.staffId,
    calledAt: at,
    startedAt: null,
    targetCounterId: null,
  });
  if (!moved) refuse(deps, getTicket(deps.db, ticketId));
  appendTicketEvent(deps.db, { ticketId, type, at, counterId: counter.id, staffId: staff.staffId });
  return getTicket(deps.db, ticketId) ?? fail('not_found', 'errors.queue.ticketNotFound');
}

/** The clear reason an operation on a ticket cannot be done. */
function refuse(deps: Pick<CoreDeps, 'db'>, ticket: TicketRow | undefined): never {
  if (!ticket) return fail('not_found', 'errors.queue.ticketNotFound');
  if (ticket.status === 'done') return fail('conflict', 'errors.queue.ticketFinished', { number: ticket.number });
  if (ticket.status === 'no_show') return fail('conflict', 'errors.queue.ticketNoShow', { number: ticket.number });
  // A transferred ticket waits again, but for another counter or category: the clerk who
  // sent it away must hear that, not that it "has not been called".
  if (ticket.status === 'waiting' && lastTicketEventType(deps.db, ticket.id) !== 'transferred') {
    return fail('conflict', 'errors.queue.ticketNotCalled', { number: ticket.number });
  }
  return fail('conflict', 'errors.queue.ticketElsewhere', { number: ticket.number });
}

type TicketOp = { from: readonly TicketStatus[]; change: (t: TicketRow, at: string) => TicketChange; events: TicketEventType[]; data?: unknown };

/** One operation on the ticket this counter holds: checked, moved and recorded together. */
export function ticketOp(deps: CoreDeps, caller: Caller, counterId: number, ticketId: number, op: TicketOp): TicketRow {
  const staff = asStaff(caller);
  return inTransaction(deps.db, () => {
    ownCounter(deps, staff, counterId);
    const ticket = getTicket(deps.db, ticketId);
    if (!ticket || ticket.counterId !== counterId || !op.from.includes(ticket.status)) refuse(deps, ticket);
    const at = deps.clock.now().toISOString();
    if (!updateTicket(deps.db, ticketId, op.from, op.change(ticket, at))) refuse(deps, getTicket(deps.db, ticketId));
    for (const type of op.events) appendTicketEvent(deps.db, { ticketId, type, at, counterId, staffId: staff.staffId, data: op.data });
    return getTicket(deps.db, ticketId) ?? fail('not_found', 'errors.queue.ticketNotFound');
  });
}
