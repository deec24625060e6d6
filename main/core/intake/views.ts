import { z } from 'zod';
import { businessKinds, namesSchema } from '../catalogue/catalogue.ts';
import { materialStates } from './material-check.ts';

/**
 * The shapes the intake methods return. Personal data leaves only masked (idMasked,
 * phoneMasked); customers/reveal is the one audited way to the full values.
 */

const int = z.number().int();

export const feeLineViewSchema = z.object({
  key: z.string(),
  business: z.string(),
  businessNames: namesSchema,
  fee: z.string(),
  names: namesSchema,
  unit: namesSchema,
  priceFen: int,
  quantity: z.number(),
  amountFen: int,
  mandatory: z.boolean(),
  included: z.boolean(),
  legalBasis: z.string(),
  note: namesSchema.optional(),
});

export const feeListSchema = z.object({
  utilities: z.array(z.object({ utility: z.string(), utilityNames: namesSchema, lines: z.array(feeLineViewSchema), totalFen: int, deductionCappedFen: int })),
  totalFen: int,
  /** The customer must be told that the optional items are optional. */
  hasOptional: z.boolean(),
});

export const signedBusinessSchema = z.object({ code: z.string(), utility: z.string(), utilityNames: namesSchema, names: namesSchema });

export const unionMaterialSchema = z.object({
  code: z.string(),
  names: namesSchema,
  note: namesSchema.optional(),
  deferrable: z.boolean(),
  condition: namesSchema.optional(),
  requiredBy: z.array(z.string()),
  notDeferrableFor: z.array(z.string()),
});

export const materialProblemSchema = z.object({
  material: z.string(),
  names: namesSchema,
  problem: z.enum(['missing', 'notDeferrable', 'promisedDateMissing', 'promisedDatePast', 'notApplicableNotAllowed']),
  messageKey: z.string(),
  businesses: z.array(z.string()),
});

export const stageDueSchema = z.object({ code: z.string(), names: namesSchema, limitWorkingDays: int, dueDay: z.string() });

export const utilityDueSchema = z.object({
  utility: z.string(),
  utilityNames: namesSchema,
  dueDay: z.string(),
  provisional: z.boolean(),
  matters: z.array(
    z.object({ business: z.string(), businessNames: namesSchema, timeLimitWorkingDays: int, dueDay: z.string(), stages: z.array(stageDueSchema) }),
  ),
});

export const chosenBusinessSchema = z.object({
  code: z.string(),
  utility: z.string(),
  utilityNames: namesSchema,
  kind: z.enum(businessKinds),
  names: namesSchema,
});

export const previewSchema = z.object({
  catalogueVersion: int,
  acceptedOn: z.string(),
  businesses: z.array(chosenBusinessSchema),
  /** Every material of the chosen businesses, once. */
  materials: z.array(unionMaterialSchema),
  /** What would block submission with the material decisions given; empty when none were sent. */
  materialProblems: z.array(materialProblemSchema),
  fees: feeListSchema,
  feeHash: z.string(),
  deadlines: z.array(utilityDueSchema),
});
export type Preview = z.input<typeof previewSchema>;

export const customerViewSchema = z.object({
  id: int,
  kind: z.enum(['person', 'enterprise']),
  name: z.string(),
  idType: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  contactName: z.string().nullable(),
  address: z.string().nullable(),
  accounts: z.array(z.object({ utility: z.string(), accountNo: z.string() })),
});
export type CustomerView = z.input<typeof customerViewSchema>;

export const signatureRequestViewSchema = z.object({
  requestId: int,
  counterId: int,
  status: z.enum(['pending', 'signed', 'cancelled']),
  createdAt: z.string(),
  signedAt: z.string().nullable(),
  feeHash: z.string(),
  /** Signed on the customer screen, or on the printed fee list and recorded by the clerk. */
  kind: z.enum(['screen', 'paper']),
  /** Rate devices at the counter the request was pushed to; empty when none is paired. */
  deviceIds: z.array(int),
});

export const pendingSignatureSchema = z.object({
  requestId: int,
  token: z.string(),
  createdAt: z.string(),
  feeHash: z.string(),
  businesses: z.array(signedBusinessSchema),
  fees: feeListSchema,
});

export const workOrderStatusSchema = z.enum(['accepted', 'dispatched', 'taken', 'completed', 'returned']);

const historySchema = z.object({
  from: workOrderStatusSchema.nullable(),
  to: workOrderStatusSchema,
  at: z.string(),
  /** A reason or remark with the step; for a utility's step, its own note (a return's reason). */
  note: z.string().nullable(),
  /** For a step the utility reported: when it says it acted. */
  utilityAt: z.string().nullable(),
});

export const applicationViewSchema = z.object({
  id: int,
  progressPath: z.string(),
  submittedAt: z.string(),
  acceptedOn: z.string(),
  catalogueVersion: int,
  bundle: z.object({ code: z.string(), names: namesSchema }).nullable(),
  ticketId: int.nullable(),
  hallName: z.string(),
  staff: z.object({ id: int, name: z.string(), workNo: z.string() }),
  counter: z.object({ id: int, number: int, name: z.string() }),
  customer: customerViewSchema,
  matters: z.array(
    z.object({
      caseNumber: z.string(),
      utility: z.string(),
      utilityNames: namesSchema,
      business: z.string(),
      businessNames: namesSchema,
      accountNo: z.string().nullable(),
      dueDay: z.string(),
    }),
  ),
  workOrders: z.array(
    z.object({
      id: int,
      utility: z.string(),
      utilityNames: namesSchema,
      status: workOrderStatusSchema,
      dueDay: z.string(),
      caseNumbers: z.array(z.string()),
      stages: z.array(
        z.object({
          caseNumber: z.string(),
          code: z.string(),
          names: namesSchema,
          limitWorkingDays: int,
          dueDay: z.string(),
          completedAt: z.string().nullable(),
        }),
      ),
      history: z.array(historySchema),
    }),
  ),
  materials: z.array(
    z.object({
      id: int,
      code: z.string(),
      names: namesSchema,
      state: z.enum(materialStates),
      promisedDate: z.string().nullable(),
      suppliedAt: z.string().nullable(),
    }),
  ),
  /** The fee list exactly as the customer signed it. */
  fees: feeListSchema,
  feeHash: z.string(),
  signature: z.object({
    signedAt: z.string(),
    image: z.string().nullable(),
    kind: z.enum(['screen', 'paper']),
    /** Who recorded a paper signature; null for one taken on the screen. */
    recordedBy: z.object({ name: z.string(), workNo: z.string() }).nullable(),
  }),
});
export type ApplicationView = z.input<typeof applicationViewSchema>;

export const progressViewSchema = z.object({
  submittedAt: z.string(),
  acceptedOn: z.string(),
  workOrders: z.array(
    z.object({
      utility: z.string(),
      utilityNames: namesSchema,
      status: workOrderStatusSchema,
      dueDay: z.string(),
      matters: z.array(z.object({ caseNumber: z.string(), businessNames: namesSchema, dueDay: z.string() })),
      stages: z.array(z.object({ names: namesSchema, dueDay: z.string(), completedAt: z.string().nullable() })),
      /** The utility's note and time on the steps it reported; no remark of the hall's staff (the page is public). */
      history: z.array(z.object({ status: workOrderStatusSchema, at: z.string(), utilityAt: z.string().nullable(), note: z.string().nullable() })),
    }),
  ),
  deferredMaterials: z.array(z.object({ names: namesSchema, promisedDate: z.string(), supplied: z.boolean() })),
});
export type ProgressView = z.input<typeof progressViewSchema>;

export const searchResultSchema = z.object({
  rows: z.array(
    z.object({
      id: int,
      submittedAt: z.string(),
      acceptedOn: z.string(),
      customerKind: z.enum(['person', 'enterprise']),
      customerName: z.string(),
      idMasked: z.string(),
      phoneMasked: z.string(),
      totalFen: int,
      bundle: z.string().nullable(),
      counterId: int,
      staffId: int,
      /** The utility's latest word on the matter's work order (its note and when it acted), from the nightly sync. */
      matters: z.array(
        z.object({
          caseNumber: z.string(),
          utility: z.string(),
          business: z.string(),
          status: workOrderStatusSchema.nullable(),
          utilityNote: z.string().nullable(),
          utilityAt: z.string().nullable(),
        }),
      ),
    }),
  ),
  total: int,
  /** False when more matched than were counted: the table shows "10000+". */
  totalExact: z.boolean(),
  page: int,
  pageSize: int,
});
export type SearchResult = z.input<typeof searchResultSchema>;

export const dueItemSchema = z.object({
  kind: z.enum(['workOrder', 'stage']),
  level: z.enum(['warning', 'overdue']),
  workOrderId: int,
  applicationId: int,
  utility: z.string(),
  status: workOrderStatusSchema,
  caseNumbers: z.array(z.string()),
  business: z.string().nullable(),
  stage: z.object({ code: z.string(), names: namesSchema }).nullable(),
  dueDay: z.string(),
  /** Working days after today up to the due day; once past it, minus the working days since (0 while only rest days have passed). */
  workingDaysLeft: int,
});
export type DueItem = z.input<typeof dueItemSchema>;

export const ledgerRowSchema = z.object({
  materialId: int,
  applicationId: int,
  caseNumbers: z.array(z.string()),
  customerName: z.string(),
  phoneMasked: z.string(),
  code: z.string(),
  names: namesSchema,
  promisedDate: z.string(),
  suppliedAt: z.string().nullable(),
  /** Past the promised date and not supplied. */
  overdue: z.boolean(),
  /** Due within the reminder window (the clerk rings the customer). */
  remind: z.boolean(),
});
export type LedgerRow = z.input<typeof ledgerRowSchema>;
