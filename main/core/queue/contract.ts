import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { allRoles, anyStaff, managers } from '../api/roles.ts';

const id = z.number().int().positive();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'field.timeFormat' });
/** A closing time may also be 24:00, the end of the day: a category open round the clock (self-service, tests). */
const closingTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'field.timeFormat' });

export const ticketPrioritySchema = z.enum(['normal', 'priority', 'appointment']);
export const ticketStatusSchema = z.enum(['waiting', 'called', 'serving', 'done', 'no_show']);

export const categoryViewSchema = z.object({
  id: z.number().int(),
  prefix: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  utilities: z.array(z.string()),
  businesses: z.array(z.string()),
  dailyLimit: z.number().int().nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  waiting: z.number().int(),
  estimatedWaitMinutes: z.number().int(),
  /** Active, inside opening hours and under its daily limit: the kiosk may issue. */
  issuing: z.boolean(),
  closedReason: z.enum(['inactive', 'hours', 'limit']).nullable(),
});

export const ticketViewSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  categoryId: z.number().int(),
  priority: ticketPrioritySchema,
  status: ticketStatusSchema,
  issuedAt: z.string(),
  queuedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  counterId: z.number().int().nullable(),
  targetCounterId: z.number().int().nullable(),
  /** Masked: 138****5678. */
  phone: z.string().nullable(),
  idMasked: z.string().nullable(),
});
export type TicketView = z.output<typeof ticketViewSchema>;

export const counterViewSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  status: z.enum(['closed', 'open', 'paused']),
  pauseReason: z.string().nullable(),
  statusSince: z.string().nullable(),
  staffId: z.number().int().nullable(),
  staffName: z.string().nullable(),
  categoryIds: z.array(z.number().int()),
  current: ticketViewSchema.nullable(),
});
export type CounterView = z.output<typeof counterViewSchema>;

export const callViewSchema = z.object({
  eventId: z.number().int(),
  type: z.enum(['called', 'recalled']),
  at: z.string(),
  ticketId: z.number().int(),
  number: z.string(),
  counterId: z.number().int(),
  counterNumber: z.number().int(),
  counterName: z.string(),
  categoryId: z.number().int(),
});
export type CallView = z.output<typeof callViewSchema>;

export const noticeSchema = z.object({ id: z.number().int(), textZh: z.string(), textEn: z.string(), active: z.boolean(), sortOrder: z.number().int() });

export const priorityRuleSchema = z.object({
  priorityBurst: z.number().int().min(0).max(20),
  maxWaitMinutes: z.number().int().min(5).max(240),
});

/** How the kiosk behaves between customers; the manager sets it. */
export const kioskSettingsSchema = z.object({
  /** Seconds without a touch before the kiosk clears what was typed and goes back to its Chinese start screen. */
  idleSeconds: z.number().int().min(10).max(600),
});

export const printableTicketSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  categoryNameZh: z.string(),
  categoryNameEn: z.string(),
  priority: ticketPrioritySchema,
  ahead: z.number().int(),
  estimatedWaitMinutes: z.number().int(),
  issuedAt: z.string(),
  hallName: z.string(),
  /** Path of the public status page; the QR code carries it, no personal data. */
  statusPath: z.string(),
  /** What the hall server did with it: sent to the kiosk's thermal printer or left to the screen. */
  printed: z.enum(['printer', 'screen']),
});
export type PrintableTicket = z.output<typeof printableTicketSchema>;

export const queueOverviewSchema = z.object({
  day: z.string(),
  hallName: z.string().nullable(),
  categories: z.array(categoryViewSchema),
  counters: z.array(counterViewSchema),
  calls: z.array(callViewSchema),
  notices: z.array(noticeSchema),
  rule: priorityRuleSchema,
  kiosk: kioskSettingsSchema,
  waitingTotal: z.number().int(),
  longestWaitMinutes: z.number().int(),
});
export type QueueOverview = z.output<typeof queueOverviewSchema>;

const counterTicket = z.object({ counterId: id, ticketId: id });

/** A clerk's step that changes a counter's state (open, close, resume): the counter in, the counter as it now stands out. */
const counterStep = (summary: string) => ({ summary, roles: anyStaff, input: z.object({ counterId: id }), output: counterViewSchema });

export const queueContract = defineMethods({
  'queue/overview': {
    summary: 'Categories with waiting counts and estimated waits, counters, recent calls and notices.',
    roles: allRoles,
    input: z.object({}),
    output: queueOverviewSchema,
  },
  'queue/issue': {
    summary: 'Issues a ticket in a category (kiosk, or a clerk for a customer).',
    roles: ['kiosk', 'clerk', 'manager', 'admin'],
    input: z.object({
      categoryId: id,
      priority: z.enum(['normal', 'priority']).default('normal'),
      phone: z
        .string()
        .trim()
        .regex(/^1[3-9]\d{9}$/, { message: 'field.phoneFormat' })
        .optional(),
      idNumber: z
        .string()
        .trim()
        .regex(/^\d{17}[\dXx]$/, { message: 'field.idNumberFormat' })
        .optional(),
      /** The kiosk's key for this press: asked again after a lost answer, it gets the same ticket. */
      idempotencyKey: z.string().trim().min(8).max(64).optional(),
    }),
    output: printableTicketSchema,
  },
  'queue/checkIn': {
    summary: 'Checks in a booked appointment at the kiosk; on time it gives a priority ticket.',
    roles: ['kiosk', 'clerk', 'manager', 'admin'],
    input: z.object({
      code: z
        .string()
        .trim()
        .regex(/^[A-Z0-9]{6}$/, { message: 'field.appointmentCodeFormat' }),
    }),
    output: printableTicketSchema,
  },
  'queue/bookAppointment': {
    summary: 'Books an appointment slot and returns its check-in code.',
    roles: managers,
    input: z.object({
      categoryId: id,
      slotStart: z.iso.datetime(),
      slotEnd: z.iso.datetime(),
      phone: z
        .string()
        .trim()
        .regex(/^1[3-9]\d{9}$/, { message: 'field.phoneFormat' })
        .optional(),
    }),
    output: z.object({ id: z.number().int(), code: z.string() }),
  },
  'queue/appointments': {
    summary: 'The appointments whose slot starts in [from, to), by slot, phones masked, with whether each has checked in.',
    roles: managers,
    input: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
    output: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        categoryId: z.number().int(),
        slotStart: z.string(),
        slotEnd: z.string(),
        phoneMasked: z.string().nullable(),
        checkedIn: z.boolean(),
      }),
    ),
  },
  'queue/ticketStatus': {
    summary: "A ticket's public status page (from its QR code): number, place in the queue, no personal data.",
    roles: ['public'],
    input: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }),
    output: z.object({
      number: z.string(),
      categoryNameZh: z.string(),
      categoryNameEn: z.string(),
      status: ticketStatusSchema,
      ahead: z.number().int(),
      estimatedWaitMinutes: z.number().int(),
      counterNumber: z.number().int().nullable(),
      issuedAt: z.string(),
    }),
  },
  'queue/reprint': {
    summary: 'Prints a ticket again (a clerk, for a customer who lost it).',
    roles: anyStaff,
    input: z.object({ ticketId: id, deviceId: id.optional() }),
    output: printableTicketSchema,
  },
  'queue/openCounter': counterStep('The clerk takes a counter and opens it.'),
  'queue/closeCounter': counterStep('Closes a counter at the end of a shift.'),
  'queue/pause': {
    summary: 'Pauses a counter with a reason.',
    roles: anyStaff,
    input: z.object({ counterId: id, reason: z.enum(['break', 'meeting', 'system', 'other']), note: z.string().trim().max(100).optional() }),
    output: counterViewSchema,
  },
  'queue/resume': counterStep('Resumes a paused counter.'),
  'queue/callNext': {
    summary: 'Calls the next ticket by the priority rule; null when nobody waits.',
    roles: anyStaff,
    input: z.object({ counterId: id }),
    output: ticketViewSchema.nullable(),
  },
  'queue/callTicket': {
    summary: 'Calls a specific waiting ticket out of order (manager only).',
    roles: managers,
    input: counterTicket,
    output: ticketViewSchema,
  },
  'queue/recall': {
    summary: 'Calls the current ticket again.',
    roles: anyStaff,
    input: counterTicket,
    output: ticketViewSchema,
  },
  'queue/start': {
    summary: 'The called customer has arrived: service starts.',
    roles: anyStaff,
    input: counterTicket,
    output: ticketViewSchema,
  },
  'queue/noShow': {
    summary: 'The called customer did not come (过号); optionally back into the queue.',
    roles: anyStaff,
    input: counterTicket.extend({ requeue: z.boolean().default(false) }),
    output: ticketViewSchema,
  },
  'queue/transfer': {
    summary: 'Sends the ticket, keeping its number, to another counter or category.',
    roles: anyStaff,
    input: counterTicket
      .extend({ toCounterId: id.optional(), toCategoryId: id.optional() })
      .refine((v) => (v.toCounterId === undefined) !== (v.toCategoryId === undefined), {
        message: 'field.transferTarget',
        path: ['toCounterId'],
      }),
    output: ticketViewSchema,
  },
  'queue/finish': {
    summary: 'Service finished.',
    roles: anyStaff,
    input: counterTicket,
    output: ticketViewSchema,
  },
  'queue/waitingList': {
    summary: 'Waiting tickets in queue order (phone and ID masked), a page at a time (overview.waitingTotal says how many).',
    roles: anyStaff,
    input: z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(ticketViewSchema),
  },
  'queue/saveCategory': {
    summary: 'Creates or edits a service category.',
    roles: managers,
    input: z.object({
      id: id.optional(),
      prefix: z
        .string()
        .trim()
        .regex(/^[A-Z]$/, { message: 'field.prefixFormat' }),
      nameZh: z.string().trim().min(1).max(20),
      nameEn: z.string().trim().min(1).max(40),
      utilities: z.array(z.string().min(1).max(20)).max(10).default([]),
      businesses: z.array(z.string().min(1).max(40)).max(50).default([]),
      dailyLimit: z.number().int().positive().max(9999).nullable().default(null),
      opensAt: hhmm.default('08:30'),
      closesAt: closingTime.default('17:30'),
      active: z.boolean().default(true),
      sortOrder: z.number().int().min(0).max(999).default(0),
    }),
    output: categoryViewSchema.pick({ id: true, prefix: true }),
  },
  'queue/saveCounter': {
    summary: 'Creates or edits a counter; categoryIds empty means it serves every category.',
    roles: managers,
    input: z.object({
      id: id.optional(),
      number: z.number().int().min(1).max(999),
      name: z.string().trim().min(1).max(20),
      categoryIds: z.array(id).default([]),
    }),
    output: counterViewSchema,
  },
  'queue/saveNotice': {
    summary: "Creates or edits a notice on the calling board's scrolling area.",
    roles: managers,
    input: z.object({
      id: id.optional(),
      textZh: z.string().trim().min(1).max(500),
      textEn: z.string().trim().max(500).default(''),
      active: z.boolean().default(true),
      sortOrder: z.number().int().min(0).max(999).default(0),
    }),
    output: noticeSchema,
  },
  'queue/deleteNotice': {
    summary: 'Removes a notice.',
    roles: managers,
    input: z.object({ id }),
    output: z.object({}),
  },
  'queue/setRule': {
    summary: 'Sets the priority rule (burst length, starvation bound).',
    roles: managers,
    input: priorityRuleSchema,
    output: priorityRuleSchema,
  },
  'queue/setKioskSettings': {
    summary: "Sets the kiosk's idle reset (seconds without a touch before it starts again).",
    roles: managers,
    input: kioskSettingsSchema,
    output: kioskSettingsSchema,
  },
});
