import { z } from 'zod';
import { syncFailureReasons } from './failure-reason.ts';
import { defineMethods } from '../api/method.ts';
import { adminOnly, managers } from '../api/roles.ts';

const utility = z.string().regex(/^[a-z][a-zA-Z0-9_-]{0,39}$/);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'field.time');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const runViewSchema = z.object({
  id: z.number().int(),
  trigger: z.enum(['schedule', 'catchup', 'manual', 'cli']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  state: z.enum(['running', 'succeeded', 'failed']),
  sent: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  updates: z.number().int(),
  error: z.string().nullable(),
  /** Why it failed, for the screens (sync:reason.*); the error text stays for the operator's log. */
  reason: z.enum(syncFailureReasons).nullable(),
});
export type RunView = z.output<typeof runViewSchema>;

export const connectorViewSchema = z.object({
  kind: z.enum(['http', 'folder']),
  enabled: z.boolean(),
  baseUrl: z.string().nullable(),
  outDir: z.string().nullable(),
  replyDir: z.string().nullable(),
  /** The secret itself never leaves the hall server: write-only. */
  hasSecret: z.boolean(),
  windowStart: z.string(),
  windowEnd: z.string(),
});

export const utilitySyncSchema = z.object({
  utility: z.string(),
  names: z.object({ zh: z.string(), en: z.string() }),
  connector: connectorViewSchema.nullable(),
  pending: z.number().int(),
  rejected: z.number().int(),
  openBatches: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastRun: runViewSchema.nullable(),
  /** Failed runs since the last success. */
  failures: z.number().int(),
  running: z.boolean(),
});
export type UtilitySync = z.output<typeof utilitySyncSchema>;

export const rejectedRecordSchema = z.object({
  seq: z.number().int(),
  type: z.enum(['workOrder', 'rating', 'complaint', 'followUp', 'erasure']),
  recordId: z.string(),
  version: z.number().int(),
  reason: z.string(),
  answeredAt: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const syncDaySchema = z.object({
  utility: z.string(),
  runs: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  sent: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  updates: z.number().int(),
  pending: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  /** ok: a run of the day succeeded; failed: runs, none succeeded; none: no run that day. */
  status: z.enum(['ok', 'failed', 'none']),
});
export type SyncDay = z.output<typeof syncDaySchema>;

export const syncContract = defineMethods({
  'sync/overview': {
    summary: 'Per utility: connector (without its secret), pending and rejected records, last success, failures, whether a run is going on.',
    roles: managers,
    input: z.object({}),
    output: z.object({ hallCode: z.string(), utilities: z.array(utilitySyncSchema) }),
  },
  'sync/saveConnector': {
    summary: 'Sets how a utility is reached and its nightly window; the secret is write-only (omit it to keep the stored one).',
    roles: adminOnly,
    input: z.object({
      utility,
      kind: z.enum(['http', 'folder']),
      enabled: z.boolean(),
      baseUrl: z
        .url({ protocol: /^https?$/ })
        .max(500)
        .nullable()
        .default(null),
      outDir: z.string().min(1).max(500).nullable().default(null),
      replyDir: z.string().min(1).max(500).nullable().default(null),
      secret: z.string().min(16).max(500).optional(),
      windowStart: hhmm.default('01:00'),
      windowEnd: hhmm.default('05:00'),
    }),
    output: z.object({ utility: z.string() }),
  },
  'sync/testConnection': {
    summary: "Tries a utility's connector as saved (a signed empty batch, or the folders) and says whether it answered, and if not, why.",
    roles: adminOnly,
    input: z.object({ utility }),
    output: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), ms: z.number().int() }),
      z.object({ ok: z.literal(false), reason: z.enum(syncFailureReasons) }),
    ]),
  },
  'sync/setHallCode': {
    summary: 'The code the utilities know this hall by (X-OneWindow-Hall).',
    roles: adminOnly,
    input: z.object({ hallCode: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/) }),
    output: z.object({ hallCode: z.string() }),
  },
  'sync/history': {
    summary: "A utility's runs, newest first.",
    roles: managers,
    input: z.object({ utility, limit: z.number().int().min(1).max(200).default(30) }),
    output: z.array(runViewSchema),
  },
  'sync/rejected': {
    summary: 'Records a utility rejected, with its reason, oldest first, a page at a time.',
    roles: managers,
    input: z.object({ utility, afterSeq: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(rejectedRecordSchema),
  },
  'sync/quarantined': {
    summary:
      'Status updates from a utility the hall could not read (an unknown status, a missing field), newest first: set aside so the rest of the feed was applied.',
    roles: managers,
    input: z.object({ utility, limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(
      z.object({
        id: z.number().int(),
        receivedAt: z.string(),
        position: z.number().int(),
        raw: z.string(),
        problem: z.enum(['unknownStatus', 'missingField', 'invalid']),
        field: z.string().nullable(),
      }),
    ),
  },
  'sync/resend': {
    summary: 'Queues a rejected record again as a new version, with corrected data when given (audited).',
    roles: managers,
    input: z.object({ seq: z.number().int().positive(), data: z.record(z.string(), z.unknown()).optional() }),
    output: z.object({ seq: z.number().int(), version: z.number().int() }),
  },
  'sync/runNow': {
    summary: 'Starts a sync now for one utility or every enabled one; progress arrives as sync/progress events.',
    roles: managers,
    input: z.object({ utility: utility.optional() }),
    output: z.object({ started: z.array(z.string()) }),
  },
  'sync/daySummary': {
    summary: 'Sync status per utility for one hall day (the daily report).',
    roles: managers,
    input: z.object({ day }),
    output: z.array(syncDaySchema),
  },
});
