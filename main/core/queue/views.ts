import type { CounterRow } from '../../../db/counters.ts';
import type { TicketRow } from '../../../db/tickets.ts';
import { maskPhone } from '../privacy/mask.ts';
import type { CounterView, TicketView } from './contract.ts';

export function toTicketView(t: TicketRow): TicketView {
  return {
    id: t.id,
    number: t.number,
    categoryId: t.categoryId,
    priority: t.priority,
    status: t.status,
    issuedAt: t.issuedAt,
    queuedAt: t.queuedAt,
    calledAt: t.calledAt,
    startedAt: t.startedAt,
    counterId: t.counterId,
    targetCounterId: t.targetCounterId,
    phone: maskPhone(t.phone),
    idMasked: t.idMasked,
  };
}

export function toCounterView(c: CounterRow, staffName: string | null, current: TicketRow | undefined): CounterView {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    status: c.status,
    pauseReason: c.pauseReason,
    statusSince: c.statusSince,
    staffId: c.staffId,
    staffName,
    categoryIds: c.categoryIds,
    current: current ? toTicketView(current) : null,
  };
}
