import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { managers } from '../api/roles.ts';
import { daySchema } from '../calendar/working-calendar.ts';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorStaffId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  actorWorkNo: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

/** The audit viewer: the trail, searched, and its hash chain checked. */
export const auditContract = defineMethods({
  'audit/verify': {
    summary: "Walks the audit log's hash chain: whole, or the first entry where it was changed, removed or reordered.",
    roles: managers,
    input: z.object({}),
    output: z.object({ ok: z.boolean(), entries: z.number().int(), brokenAtId: z.number().int().nullable() }),
  },
  'audit/list': {
    summary: 'The audit log, newest first, by who, action (or "domain." prefix), target (or "kind:": every record of the kind) and hall days.',
    roles: managers,
    input: z.object({
      actorStaffId: z.number().int().positive().optional(),
      action: z.string().trim().min(1).max(80).optional(),
      target: z.string().trim().min(1).max(120).optional(),
      fromDay: daySchema.optional(),
      toDay: daySchema.optional(),
      limit: z.number().int().min(1).max(100_000).default(5000),
    }),
    output: z.object({ entries: z.array(auditEntrySchema), actions: z.array(z.string()) }),
  },
});
