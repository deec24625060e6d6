import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { adminOnly } from '../api/roles.ts';
import { retentionKinds, retentionRulesSchema } from './retention-rules.ts';

// Every kind, in retentionKinds' order; `satisfies` fails the build when one is missing or extra.
const countsSchema = z.object({
  ticketPhones: z.number().int(),
  signatures: z.number().int(),
  customers: z.number().int(),
  outboxCopies: z.number().int(),
  drops: z.number().int(),
} satisfies Record<(typeof retentionKinds)[number], z.ZodNumber>);
const idNumber = z.string().trim().min(6).max(40);

export const erasureBlocks = ['openApplication', 'waitingForUtility', 'feeEvidence'] as const;
export type ErasureBlock = (typeof erasureBlocks)[number];

const personCounts = z.object({
  customers: z.number().int(),
  applications: z.number().int(),
  ticketPhones: z.number().int(),
  signatures: z.number().int(),
  outboxCopies: z.number().int(),
});

/** Personal data (PIPL art. 19 and 47): how long the hall keeps it, and one person's erasure on request. */
export const privacyContract = defineMethods({
  'privacy/retention': {
    summary: "The hall's retention rules per kind of personal data, their defaults, and the retention job's last run.",
    roles: adminOnly,
    input: z.object({}),
    output: z.object({
      rules: retentionRulesSchema,
      defaults: retentionRulesSchema,
      lastRun: z.object({ day: z.string(), at: z.string(), counts: countsSchema }).nullable(),
    }),
  },
  'privacy/setRetention': {
    summary: 'Changes the retention rules (audited with before and after); the job applies them from its next run.',
    roles: adminOnly,
    input: z.object({ rules: retentionRulesSchema }),
    output: z.object({ rules: retentionRulesSchema }),
  },
  'privacy/erasurePreview': {
    summary: "What erasing a person's data (by ID number) would erase, the utilities that would be asked to erase theirs, and what legally blocks it.",
    roles: adminOnly,
    input: z.object({ idNumber }),
    output: z.object({
      found: z.boolean(),
      idMasked: z.string(),
      counts: personCounts,
      utilities: z.array(z.string()),
      blocks: z.array(z.object({ reason: z.enum(erasureBlocks), count: z.number().int(), untilDay: z.string().nullable() })),
    }),
  },
  'privacy/erasePerson': {
    summary:
      "Erases a person's data where no legal retention applies, audited with the masked ID only, and queues an erasure request for each utility sent it; `confirm` is the ID number's last 4 characters.",
    roles: adminOnly,
    input: z.object({ idNumber, confirm: z.string().trim() }),
    output: z.object({ idMasked: z.string(), counts: personCounts, utilities: z.array(z.string()) }),
  },
});
