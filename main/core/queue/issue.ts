import { randomBytes, randomInt } from 'node:crypto';
import { getAppointmentByCode, insertAppointment, linkAppointmentTicket } from '../../../db/appointments.ts';
import { type CategoryRow, getCategory } from '../../../db/categories.ts';
import { inTransaction } from '../../../db/connection.ts';
import { countOpenServing } from '../../../db/counters.ts';
import { getSetting } from '../../../db/settings.ts';
import {
  getTicketByIdempotencyKey,
  appendTicketEvent,
  averageServiceMinutes,
  countIssued,
  insertTicket,
  nextSequence,
  type TicketPriority,
  type TicketRow,
  waitingAhead,
} from '../../../db/tickets.ts';
import { fail } from '../api/errors.ts';
import { addMinutes } from '../clock.ts';
import type { CoreDeps } from '../deps.ts';
import { maskIdNumber } from '../privacy/mask.ts';
import type { PrintableTicket } from './contract.ts';
import { estimateWaitMinutes } from './estimate.ts';
import { hallDay, isWithinHours } from '../../../common/hall-time.ts';
import { queueSince } from './settings.ts';
import { hallTimeZone } from '../hall/time-zone.ts';

/** A999 then A1000: three digits as halls print them, more only on an extraordinary day. */
export const formatNumber = (prefix: string, seq: number): string => `${prefix}${String(seq).padStart(3, '0')}`;

/** Why a category cannot issue now, or null when it can. */
export function closedReason(deps: Pick<CoreDeps, 'db'>, category: CategoryRow, now: Date): 'inactive' | 'hours' | 'limit' | null {
  if (!category.active) return 'inactive';
  const tz = hallTimeZone(deps.db);
  if (!isWithinHours(now, tz, category.opensAt, category.closesAt)) return 'hours';
  if (category.dailyLimit !== null && countIssued(deps.db, hallDay(now, tz), category.prefix) >= category.dailyLimit) return 'limit';
  return null;
}

/** The estimate's pace comes from the services of the last week, newest first. */
export const PACE_DAYS = 7;
export const PACE_SAMPLE = 20;

/** A category's recent average service minutes, or null before any service this week. */
export function recentPace(deps: Pick<CoreDeps, 'db' | 'clock'>, categoryId: number): number | null {
  const sinceDay = hallDay(new Date(deps.clock.now().getTime() - PACE_DAYS * 24 * 3600_000), hallTimeZone(deps.db));
  return averageServiceMinutes(deps.db, categoryId, PACE_SAMPLE, sinceDay);
}

export function countersServing(deps: Pick<CoreDeps, 'db'>, categoryId: number): number {
  return countOpenServing(deps.db, categoryId);
}

export function printable(deps: Pick<CoreDeps, 'db' | 'clock'>, ticket: TicketRow, category: CategoryRow, printed: 'printer' | 'screen'): PrintableTicket {
  const ahead = waitingAhead(deps.db, ticket, queueSince(deps.db, deps.clock.now()));
  return {
    id: ticket.id,
    number: ticket.number,
    categoryNameZh: category.nameZh,
    categoryNameEn: category.nameEn,
    priority: ticket.priority,
    ahead,
    estimatedWaitMinutes: estimateWaitMinutes({
      ahead,
      averageServiceMinutes: recentPace(deps, category.id),
      countersServing: countersServing(deps, category.id),
    }),
    issuedAt: ticket.issuedAt,
    hallName: getSetting(deps.db, 'hall.name') ?? '',
    statusPath: `/t/${ticket.token}`,
    printed,
  };
}

const closedMessages = { inactive: 'errors.queue.categoryInactive', hours: 'errors.queue.categoryClosed', limit: 'errors.queue.dailyLimitReached' } as const;

/** Issues one ticket: number, event and all, in one transaction. */
export function issueTicket(
  deps: CoreDeps,
  input: {
    categoryId: number;
    priority: TicketPriority;
    phone?: string | undefined;
    idNumber?: string | undefined;
    staffId: number | null;
    idempotencyKey?: string | undefined;
  },
): { ticket: TicketRow; category: CategoryRow; replayed: boolean } {
  const { db, clock } = deps;
  return inTransaction(db, () => {
    const now = clock.now();
    const category = getCategory(db, input.categoryId) ?? fail('not_found', 'errors.queue.categoryNotFound');
    // A retry after a lost answer: the same ticket, not a second number. Checked inside the write lock.
    const earlier = input.idempotencyKey ? getTicketByIdempotencyKey(db, input.idempotencyKey) : undefined;
    if (earlier) {
      if (earlier.categoryId !== category.id && !earlier.number.startsWith(category.prefix)) fail('conflict', 'errors.queue.idempotencyKeyReused');
      return { ticket: earlier, category, replayed: true };
    }
    const reason = closedReason(deps, category, now);
    if (reason) fail('conflict', closedMessages[reason], { opensAt: category.opensAt, closesAt: category.closesAt });
    const day = hallDay(now, hallTimeZone(db));
    const seq = nextSequence(db, day, category.prefix);
    const at = now.toISOString();
    const ticket = insertTicket(db, {
      day,
      categoryId: category.id,
      seq,
      number: formatNumber(category.prefix, seq),
      priority: input.priority,
      token: randomBytes(18).toString('base64url'),
      phone: input.phone ?? null,
      // The card reader's full number is never stored for a queue ticket.
      idMasked: maskIdNumber(input.idNumber?.toUpperCase() ?? null),
      issuedAt: at,
      queuedAt: at,
      idempotencyKey: input.idempotencyKey ?? null,
    });
    appendTicketEvent(db, { ticketId: ticket.id, type: 'issued', at, counterId: null, staffId: input.staffId, data: { priority: input.priority } });
    return { ticket, category, replayed: false };
  });
}

/** Checking in early is refused; inside the window (from 30 minutes before) it is a priority ticket; late, a normal one. */
export const CHECK_IN_EARLY_MINUTES = 30;

export function checkInAppointment(deps: CoreDeps, code: string): { ticket: TicketRow; category: CategoryRow } {
  const { db, clock } = deps;
  return inTransaction(db, () => {
    const appointment =
      getAppointmentByCode(db, code) ?? fail('not_found', 'errors.queue.appointmentNotFound', { fields: [{ path: 'code', key: 'field.appointmentNotFound' }] });
    if (appointment.ticketId !== null) fail('conflict', 'errors.queue.appointmentUsed');
    const now = clock.now();
    const opens = addMinutes(new Date(appointment.slotStart), -CHECK_IN_EARLY_MINUTES);
    if (now < opens) fail('conflict', 'errors.queue.appointmentTooEarly', { from: opens.toISOString() });
    const onTime = now <= new Date(appointment.slotEnd);
    const issued = issueTicket(deps, {
      categoryId: appointment.categoryId,
      priority: onTime ? 'appointment' : 'normal',
      phone: appointment.phone ?? undefined,
      staffId: null,
    });
    linkAppointmentTicket(db, appointment.id, issued.ticket.id);
    return issued;
  });
}

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function bookAppointment(deps: CoreDeps, input: { categoryId: number; slotStart: string; slotEnd: string; phone?: string | undefined }) {
  const { db, clock } = deps;
  if (input.slotEnd <= input.slotStart) fail('validation', 'errors.validation', { fields: [{ path: 'slotEnd', key: 'field.slotOrder' }] });
  return inTransaction(db, () => {
    getCategory(db, input.categoryId) ?? fail('not_found', 'errors.queue.categoryNotFound');
    for (;;) {
      const code = Array.from({ length: 6 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
      if (getAppointmentByCode(db, code)) continue;
      const id = insertAppointment(db, {
        code,
        categoryId: input.categoryId,
        slotStart: input.slotStart,
        slotEnd: input.slotEnd,
        phone: input.phone ?? null,
        createdAt: clock.now().toISOString(),
      });
      return { id, code };
    }
  });
}
