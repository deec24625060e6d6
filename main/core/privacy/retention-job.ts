import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { customersDue, dropsDue, anonymiseCustomer, eraseSignatures, eraseTicketPhones, markDropRemoved, stripOutboxCopies } from '../../../db/retention.ts';
import { getSetting, setSetting } from '../../../db/settings.ts';
import type { CoreDeps } from '../deps.ts';
import { hallToday } from '../hall/hall-today.ts';
import { hallTimeZone } from '../hall/time-zone.ts';
import { removeDropFolder } from './drop-removal.ts';
import { dueBefore, lastDueDay, readRetentionRules, type RetentionKind, retentionKinds } from './retention-rules.ts';
import { z } from 'zod';

export type RetentionCounts = Record<RetentionKind, number>;
export type RetentionRun = { day: string; at: string; counts: RetentionCounts };

const LAST_RUN_KEY = 'privacy.retentionLastRun';
const retentionRunSchema = z.object({
  day: z.string(),
  at: z.string(),
  counts: z.record(z.enum(retentionKinds), z.number()),
}) satisfies z.ZodType<RetentionRun>;

export function lastRetentionRun(deps: Pick<CoreDeps, 'db'>): RetentionRun | null {
  const stored = getSetting(deps.db, LAST_RUN_KEY);
  return stored === undefined ? null : retentionRunSchema.parse(JSON.parse(stored));
}

/**
 * The retention job (docs/privacy.md): erases what the hall's rules say is due today, and
 * nothing else, once per hall day — the first upkeep tick of the day runs it, later ticks
 * find it done. One audit entry per run, with counts per kind and no personal data.
 * Returns the run, or null when today's has been done.
 */
export function runRetentionIfDue(deps: CoreDeps): RetentionRun | null {
  const { db, clock } = deps;
  const today = hallToday(deps);
  if (lastRetentionRun(deps)?.day === today) return null;
  const rules = readRetentionRules(db);
  const zone = hallTimeZone(db);
  const before = (kind: RetentionKind) => dueBefore(today, rules[kind], zone);
  const at = clock.now().toISOString();

  // Files first, outside the transaction; a drop is marked removed only with the rest below.
  const roots = deps.ports.sync?.dropRoots() ?? [];
  const removed = dropsDue(db, before('drops')).filter((d) => removeDropFolder(d.outDir, d.batchId, roots));

  return inTransaction(db, () => {
    // Another process (npm run sync's hall, a second tick) may have run it meanwhile.
    if (lastRetentionRun(deps)?.day === today) return null;
    const customers = customersDue(db, before('customers'));
    for (const id of customers) anonymiseCustomer(db, id, at);
    for (const d of removed) markDropRemoved(db, d.batchId, at);
    const counts: RetentionCounts = {
      ticketPhones: eraseTicketPhones(db, lastDueDay(today, rules.ticketPhones), before('ticketPhones')),
      signatures: eraseSignatures(db, before('signatures'), at),
      customers: customers.length,
      outboxCopies: stripOutboxCopies(db, before('outboxCopies'), at),
      drops: removed.length,
    };
    const run: RetentionRun = { day: today, at, counts };
    setSetting(db, LAST_RUN_KEY, JSON.stringify(run));
    auditChange(deps, null, { at, action: 'privacy.retentionRun', target: 'hall', after: { day: today, counts, rules } });
    return run;
  });
}
