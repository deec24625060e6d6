import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { anyStaff, managers } from '../api/roles.ts';
import { codeSchema } from '../catalogue/catalogue.ts';
import { customerSchema } from '../customers/customer.ts';
import { materialDecisionSchema } from './material-check.ts';
import { selectionSchema } from './selection.ts';
import {
  applicationViewSchema,
  dueItemSchema,
  ledgerRowSchema,
  pendingSignatureSchema,
  previewSchema,
  progressViewSchema,
  searchResultSchema,
  signatureRequestViewSchema,
  workOrderStatusSchema,
} from './views.ts';
import { daySchema } from '../calendar/working-calendar.ts';

const id = z.number().int().positive();
const int = z.number().int();

/** Quantities and optional items the customer chose, keyed "businessCode.feeCode". */
export const feeChoicesSchema = z
  .object({
    quantities: z.record(z.string().max(100), z.number().min(0).max(100_000)).default({}),
    optionalChosen: z.array(z.string().max(100)).max(100).default([]),
  })
  .default({ quantities: {}, optionalChosen: [] });

const decisionsSchema = z.record(codeSchema, materialDecisionSchema);

const accountNoSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{1,40}$/, { message: 'field.accountNoFormat' });

/** The intake form: preview, signature, submission, the receipt, progress and the ledgers. */
export const intakeContract = defineMethods({
  'intake/saveDraft': {
    summary: 'Saves the half-filled form of this clerk at this counter as the clerk types (survives a crash or power cut).',
    roles: anyStaff,
    input: z.object({ counterId: id, draft: z.record(z.string(), z.unknown()) }),
    output: z.object({ updatedAt: z.string() }),
  },
  'intake/getDraft': {
    summary: "This clerk's saved form at this counter, or null.",
    roles: anyStaff,
    input: z.object({ counterId: id }),
    output: z.object({ draft: z.record(z.string(), z.unknown()), updatedAt: z.string() }).nullable(),
  },
  'intake/discardDraft': {
    summary: "Throws away this clerk's saved form at this counter.",
    roles: anyStaff,
    input: z.object({ counterId: id }),
    output: z.object({}),
  },
  'intake/preview': {
    summary:
      'For a bundle or businesses and the fee choices: the materials once, fees per utility with totals, deadlines per utility and stage, and the fee hash.',
    roles: anyStaff,
    input: z.object({ selection: selectionSchema, fees: feeChoicesSchema, materials: decisionsSchema.optional() }),
    output: previewSchema,
  },
  'intake/requestSignature': {
    summary: "Puts the exact fee list on the counter's customer screen (rate device) for the customer to sign; replaces a pending request.",
    roles: anyStaff,
    input: z.object({ counterId: id, selection: selectionSchema, fees: feeChoicesSchema }),
    output: signatureRequestViewSchema,
  },
  'intake/customerScreen': {
    summary: "The counter's customer screen (评价器): none bound (unbound), bound and connected (online), or bound but not connected (offline).",
    roles: anyStaff,
    input: z.object({ counterId: id }),
    output: z.object({
      state: z.enum(['unbound', 'online', 'offline']),
      devices: z.array(z.object({ id: int, name: z.string(), connected: z.boolean() })),
    }),
  },
  'intake/recordPaperSignature': {
    summary:
      "Records that the customer signed the printed fee list (受理单) for a counter without a working customer screen; feeHash is the printed list's. Audited.",
    roles: anyStaff,
    input: z.object({ counterId: id, selection: selectionSchema, fees: feeChoicesSchema, feeHash: z.string().regex(/^[0-9a-f]{64}$/) }),
    output: signatureRequestViewSchema,
  },
  'intake/pendingSignature': {
    summary: "The customer screen's pending request at its counter, with the fee list to show; null when none.",
    roles: ['rate'],
    input: z.object({}),
    output: pendingSignatureSchema.nullable(),
  },
  'intake/sign': {
    summary: 'The customer screen sends the signature (PNG data URL) for a request token; it is stored bound to the fee hash.',
    roles: ['rate'],
    input: z.object({
      token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
      /** The hash of the fee list the screen showed: a list replaced meanwhile is not signed blind. */
      feeHash: z.string().regex(/^[0-9a-f]{64}$/),
      image: z
        .string()
        .max(700_000)
        .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, { message: 'field.signatureImage' }),
    }),
    output: z.object({ requestId: int, signedAt: z.string() }),
  },
  'intake/signatureStatus': {
    summary: 'Whether the customer has signed a request yet.',
    roles: anyStaff,
    input: z.object({ requestId: id }),
    output: signatureRequestViewSchema,
  },
  'intake/submit': {
    summary: 'Submits the form: one application, a case number per matter and a work order per utility, in one transaction; idempotent on idempotencyKey.',
    roles: anyStaff,
    input: z
      .object({
        idempotencyKey: z.uuid({ message: 'field.idempotencyKey' }),
        counterId: id,
        ticketId: id.optional(),
        /** A customer found with customers/find… */
        customerId: id.optional(),
        /** …or the customer as typed on the form (saved, or matched by ID to an existing record). */
        customer: customerSchema().optional(),
        selection: selectionSchema,
        fees: feeChoicesSchema,
        materials: decisionsSchema.default({}),
        /** The account each utility's matters concern, where it differs from the customer's own (a transfer). */
        accounts: z.record(codeSchema, accountNoSchema).default({}),
        signatureRequestId: id,
      })
      .refine((v) => (v.customerId === undefined) !== (v.customer === undefined), { message: 'field.customerRequired', path: ['customer'] }),
    output: applicationViewSchema,
  },
  'intake/get': {
    summary: 'An application with its receipt data: case numbers, matters, materials, deadlines, fees, signature, progress path (ID and phone masked).',
    roles: anyStaff,
    input: z
      .object({
        id: id.optional(),
        caseNumber: z.string().trim().toUpperCase().max(40).optional(),
        /** The signature image is personal data: leave it out unless the receipt is being printed (its viewing is audited). */
        withSignature: z.boolean().default(false),
      })
      .refine((v) => v.id !== undefined || v.caseNumber !== undefined, { message: 'field.required', path: ['id'] }),
    output: applicationViewSchema,
  },
  'intake/progress': {
    summary: 'The public progress page of an application (/p/<token>): states and dates only, no personal data.',
    roles: ['public'],
    input: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }),
    output: progressViewSchema,
  },
  'intake/search': {
    summary: 'Applications by case number, name prefix, ID number, phone, account and date range, newest first, paged (masked).',
    roles: anyStaff,
    input: z.object({
      caseNumber: z.string().trim().toUpperCase().max(40).optional(),
      /** A prefix of two characters or more: a surname alone matches a sixteenth of the hall. */
      name: z.string().trim().min(2).max(60).optional(),
      idNumber: z.string().trim().max(30).optional(),
      phone: z.string().trim().max(20).optional(),
      accountNo: z.string().trim().max(40).optional(),
      from: daySchema.optional(),
      to: daySchema.optional(),
      page: int.min(1).max(100_000).default(1),
      pageSize: int.min(1).max(100).default(20),
    }),
    output: searchResultSchema,
  },
  'intake/overdue': {
    summary: 'Work orders and stages due within the warning window or past due, across the hall, overdue first.',
    roles: anyStaff,
    input: z.object({ warnBeforeWorkingDays: int.min(0).max(10).default(1), limit: int.min(1).max(1000).default(200) }),
    output: z.object({ today: z.string(), items: z.array(dueItemSchema) }),
  },
  'intake/deferredLedger': {
    summary: 'Deferred materials (容缺) by promised date, with overdue and reminder flags (phone masked).',
    roles: anyStaff,
    input: z.object({
      which: z.enum(['outstanding', 'supplied', 'all']).default('outstanding'),
      remindBeforeWorkingDays: int.min(0).max(10).default(1),
      page: int.min(1).max(100_000).default(1),
      pageSize: int.min(1).max(200).default(50),
    }),
    output: z.object({ today: z.string(), rows: z.array(ledgerRowSchema), total: int }),
  },
  'intake/markSupplied': {
    summary: 'Records that the customer brought a deferred material (audited).',
    roles: anyStaff,
    input: z.object({ materialId: id, note: z.string().trim().max(200).optional() }),
    output: z.object({ materialId: int, suppliedAt: z.string() }),
  },
  'intake/setWorkOrderStatus': {
    summary: 'Moves a work order on (accepted → dispatched → taken → completed, or returned); the nightly sync uses the same rule.',
    roles: managers,
    input: z.object({ workOrderId: id, status: workOrderStatusSchema, note: z.string().trim().max(200).optional() }),
    output: z.object({ workOrderId: int, from: workOrderStatusSchema, to: workOrderStatusSchema, at: z.string() }),
  },
});
