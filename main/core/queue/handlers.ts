import { listAppointments } from '../../../db/appointments.ts';
import { auditChange } from '../audit/record.ts';
import { getCategory, getCategoryByPrefix, saveCategory } from '../../../db/categories.ts';
import { inTransaction } from '../../../db/connection.ts';
import { getCounter, listCounters, saveCounter } from '../../../db/counters.ts';
import { deleteNotice, listNotices, saveNotice } from '../../../db/notices.ts';
import { getTicket, getTicketByToken, listWaiting, recentCalls, type TicketRow, waitingAhead } from '../../../db/tickets.ts';
import { type Caller, staffIdOf } from '../api/caller.ts';
import { fail } from '../api/errors.ts';
import { maskPhone } from '../privacy/mask.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import type { QueueOverview, queueContract } from './contract.ts';
import { callNext, callSpecific, closeCounter, counterView, openCounter, pauseCounter, resumeCounter, ticketOp } from './counter-ops.ts';
import { estimateWaitMinutes } from './estimate.ts';
import { bookAppointment, checkInAppointment, countersServing, issueTicket, printable, recentPace } from './issue.ts';
import { queueOverview } from './overview.ts';
import { changeThrottle } from './change-throttle.ts';
import { queueSince, readKioskSettings, writeKioskSettings, writeRule } from './settings.ts';
import { toTicketView } from './views.ts';
import { readHallStatus } from '../hall/handlers.ts';

const everyScreen = ['clerk', 'manager', 'admin', 'kiosk', 'display', 'rate'] as const;
const staffScreens = ['clerk', 'manager', 'admin'] as const;
const deviceScreens = ['kiosk', 'display', 'rate'] as const;

/** Kiosks, boards and rating screens stand in the hall: no phone or ID, masked or not, reaches them. */
const forDevices = (overview: QueueOverview): QueueOverview => ({
  ...overview,
  counters: overview.counters.map((c) => (c.current ? { ...c, current: { ...c.current, phone: null, idMasked: null } } : c)),
});

export function queueHandlers(deps: CoreDeps): HandlersFor<typeof queueContract> {
  const { db, clock, events } = deps;

  /** The queue's state to every screen: the overview (computed once, not once per screen) and the hall status. */
  let lastReason = '';
  const pushState = () => {
    // A push left over from a window still open when the hall closed has nowhere to read from.
    if (!db.open) return;
    const overview = queueOverview(deps);
    events.emit('queue/changed', { reason: lastReason, overview }, staffScreens);
    events.emit('queue/changed', { reason: lastReason, overview: forDevices(overview) }, deviceScreens);
    events.emit('hall/status', readHallStatus(deps), everyScreen);
  };
  const state = changeThrottle(pushState, deps.queuePushWindowMs);

  /** After every change: the board hears a call at once; the screens get the new state (throttled). */
  const changed = (reason: string, call?: { ticketId: number; recall: boolean }) => {
    if (call) {
      const latest = recentCalls(db, '', 5).find((c) => c.ticketId === call.ticketId);
      if (latest) events.emit('queue/called', { ...latest, recall: call.recall }, everyScreen);
    }
    lastReason = reason;
    state.request();
  };

  const printAndView = async (ticket: TicketRow, deviceId: number | null, print = true) => {
    const category = getCategory(db, ticket.categoryId) ?? fail('not_found', 'errors.queue.categoryNotFound');
    const draft = printable(deps, ticket, category, 'screen');
    if (!print) return draft;
    const printed = await deps.ports.printTicket(draft, deviceId);
    return { ...draft, printed };
  };

  const deviceOf = (caller: Caller) => (caller.kind === 'device' ? caller.deviceId : null);

  /** Runs one ticket operation, then tells the screens; `call` marks a call or recall for the board. */
  const op = (reason: string, run: () => TicketRow, call?: boolean) => {
    const ticket = run();
    changed(reason, call === undefined ? undefined : { ticketId: ticket.id, recall: call });
    return toTicketView(ticket);
  };

  return {
    'queue/overview': (_input, { caller }) => {
      const overview = queueOverview(deps);
      return caller.kind === 'device' ? forDevices(overview) : overview;
    },

    async 'queue/issue'(input, { caller }) {
      const { ticket, replayed } = issueTicket(deps, { ...input, staffId: staffIdOf(caller) });
      if (!replayed) changed('issued');
      // A replay is not printed twice: the kiosk shows the ticket it already has.
      return printAndView(ticket, deviceOf(caller), !replayed);
    },

    async 'queue/checkIn'({ code }, { caller }) {
      const { ticket } = checkInAppointment(deps, code);
      changed('issued');
      return printAndView(ticket, deviceOf(caller));
    },

    'queue/bookAppointment': (input) => bookAppointment(deps, input),
    'queue/appointments': ({ from, to }) =>
      listAppointments(db, from, to).map((a) => ({
        id: a.id,
        code: a.code,
        categoryId: a.categoryId,
        slotStart: a.slotStart,
        slotEnd: a.slotEnd,
        phoneMasked: maskPhone(a.phone),
        checkedIn: a.ticketId !== null,
      })),

    'queue/ticketStatus'({ token }) {
      const ticket = getTicketByToken(db, token) ?? fail('not_found', 'errors.queue.ticketNotFound');
      const category = getCategory(db, ticket.categoryId) ?? fail('not_found', 'errors.queue.categoryNotFound');
      const ahead = ticket.status === 'waiting' ? waitingAhead(db, ticket, queueSince(db, clock.now())) : 0;
      const counter = ticket.counterId === null ? undefined : getCounter(db, ticket.counterId);
      return {
        number: ticket.number,
        categoryNameZh: category.nameZh,
        categoryNameEn: category.nameEn,
        status: ticket.status,
        ahead,
        estimatedWaitMinutes:
          ticket.status === 'waiting'
            ? estimateWaitMinutes({ ahead, averageServiceMinutes: recentPace(deps, category.id), countersServing: countersServing(deps, category.id) })
            : 0,
        counterNumber: counter?.number ?? null,
        issuedAt: ticket.issuedAt,
      };
    },

    async 'queue/reprint'({ ticketId, deviceId }, { caller }) {
      const ticket = getTicket(db, ticketId) ?? fail('not_found', 'errors.queue.ticketNotFound');
      inTransaction(db, () => {
        auditChange(deps, caller, { action: 'queue.reprint', target: `ticket:${ticket.id}`, after: { number: ticket.number } });
      });
      return printAndView(ticket, deviceId ?? null);
    },

    'queue/openCounter'({ counterId }, { caller }) {
      const view = openCounter(deps, caller, counterId);
      changed('counter');
      return view;
    },
    'queue/closeCounter'({ counterId }, { caller }) {
      const view = closeCounter(deps, caller, counterId);
      changed('counter');
      return view;
    },
    'queue/pause'({ counterId, reason, note }, { caller }) {
      const view = pauseCounter(deps, caller, counterId, note ? `${reason}: ${note}` : reason);
      changed('counter');
      return view;
    },
    'queue/resume'({ counterId }, { caller }) {
      const view = resumeCounter(deps, caller, counterId);
      changed('counter');
      return view;
    },

    'queue/callNext'({ counterId }, { caller }) {
      const ticket = callNext(deps, caller, counterId);
      if (!ticket) return null;
      changed('called', { ticketId: ticket.id, recall: false });
      return toTicketView(ticket);
    },
    'queue/callTicket': ({ counterId, ticketId }, { caller }) => op('called', () => callSpecific(deps, caller, counterId, ticketId), false),
    'queue/recall': ({ counterId, ticketId }, { caller }) =>
      op('recalled', () => ticketOp(deps, caller, counterId, ticketId, { from: ['called'], change: () => ({ status: 'called' }), events: ['recalled'] }), true),
    'queue/start': ({ counterId, ticketId }, { caller }) =>
      op('started', () =>
        ticketOp(deps, caller, counterId, ticketId, { from: ['called'], change: (_t, at) => ({ status: 'serving', startedAt: at }), events: ['started'] }),
      ),
    'queue/finish'({ counterId, ticketId }, { caller }) {
      const view = op('finished', () =>
        ticketOp(deps, caller, counterId, ticketId, {
          from: ['called', 'serving'],
          // Finished straight from "called": service began when the customer was called.
          change: (t, at) => ({ status: 'done', finishedAt: at, startedAt: t.startedAt ?? t.calledAt }),
          events: ['finished'],
        }),
      );
      // The ratings domain listens: the customer is invited to rate this service.
      events.emitInternal('queue/finished', { ticketId, counterId });
      return view;
    },
    'queue/noShow': ({ counterId, ticketId, requeue }, { caller }) =>
      op('noShow', () =>
        ticketOp(deps, caller, counterId, ticketId, {
          from: ['called'],
          change: (_t, at) =>
            requeue
              ? { status: 'waiting', queuedAt: at, counterId: null, staffId: null, calledAt: null, startedAt: null }
              : { status: 'no_show', finishedAt: at },
          events: requeue ? ['no_show', 'requeued'] : ['no_show'],
        }),
      ),
    'queue/transfer': ({ counterId, ticketId, toCounterId, toCategoryId }, { caller }) => {
      if (toCounterId !== undefined && !getCounter(db, toCounterId)) fail('not_found', 'errors.queue.counterNotFound');
      if (toCounterId === counterId) fail('conflict', 'errors.queue.transferToSelf');
      if (toCategoryId !== undefined && !getCategory(db, toCategoryId)) fail('not_found', 'errors.queue.categoryNotFound');
      return op('transferred', () =>
        ticketOp(deps, caller, counterId, ticketId, {
          from: ['called', 'serving'],
          change: (t, at) => ({
            status: 'waiting',
            queuedAt: at,
            counterId: null,
            staffId: null,
            calledAt: null,
            startedAt: null,
            targetCounterId: toCounterId ?? null,
            categoryId: toCategoryId ?? t.categoryId,
          }),
          events: ['transferred'],
          data: { fromCounterId: counterId, toCounterId: toCounterId ?? null, toCategoryId: toCategoryId ?? null },
        }),
      );
    },

    'queue/waitingList': ({ offset, limit }) => listWaiting(db, queueSince(db, clock.now()), { offset, limit }).map(toTicketView),

    'queue/saveCategory'(input, { caller }) {
      const saved = inTransaction(db, () => {
        const clash = getCategoryByPrefix(db, input.prefix);
        if (clash && clash.id !== input.id) fail('conflict', 'errors.queue.prefixTaken', { fields: [{ path: 'prefix', key: 'field.prefixTaken' }] });
        const before = input.id === undefined ? undefined : (getCategory(db, input.id) ?? fail('not_found', 'errors.queue.categoryNotFound'));
        const row = saveCategory(db, input);
        auditChange(deps, caller, { action: 'queue.saveCategory', target: `category:${row.id}`, before, after: row });
        return row;
      });
      changed('categories');
      return { id: saved.id, prefix: saved.prefix };
    },

    'queue/saveCounter'(input, { caller }) {
      const saved = inTransaction(db, () => {
        const clash = listCounters(db).find((c) => c.number === input.number && c.id !== input.id);
        if (clash) fail('conflict', 'errors.queue.counterNumberTaken', { fields: [{ path: 'number', key: 'field.counterNumberTaken' }] });
        for (const id of input.categoryIds) if (!getCategory(db, id)) fail('not_found', 'errors.queue.categoryNotFound');
        const before = input.id === undefined ? undefined : (getCounter(db, input.id) ?? fail('not_found', 'errors.queue.counterNotFound'));
        const row = saveCounter(db, { ...input, now: clock.now().toISOString() });
        auditChange(deps, caller, { action: 'queue.saveCounter', target: `counter:${row.id}`, before, after: row });
        return row;
      });
      changed('counters');
      return counterView(deps, saved);
    },

    'queue/saveNotice'(input, { caller }) {
      const id = inTransaction(db, () => {
        const savedId = saveNotice(db, input);
        auditChange(deps, caller, { action: 'queue.saveNotice', target: `notice:${savedId}`, after: input });
        return savedId;
      });
      changed('notices');
      return listNotices(db, false).find((n) => n.id === id) ?? fail('not_found', 'errors.notFound');
    },

    'queue/deleteNotice'({ id }, { caller }) {
      inTransaction(db, () => {
        deleteNotice(db, id);
        auditChange(deps, caller, { action: 'queue.deleteNotice', target: `notice:${id}` });
      });
      changed('notices');
      return {};
    },

    'queue/setRule'(rule, { caller }) {
      inTransaction(db, () => {
        writeRule(db, rule);
        auditChange(deps, caller, { action: 'queue.setRule', target: null, after: rule });
      });
      changed('rule');
      return rule;
    },

    'queue/setKioskSettings'(settings, { caller }) {
      inTransaction(db, () => {
        const before = readKioskSettings(db);
        writeKioskSettings(db, settings);
        auditChange(deps, caller, { action: 'queue.setKioskSettings', target: null, before, after: settings });
      });
      // The kiosks take it from the overview the change pushes: no restart.
      changed('kiosk');
      return settings;
    },
  };
}
