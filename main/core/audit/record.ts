import { appendAudit } from '../../../db/audit.ts';
import type { Db } from '../../../db/connection.ts';
import { type Caller, staffIdOf } from '../api/caller.ts';
import type { Clock } from '../clock.ts';

/** One change on the audit trail: what was done, to what, and the state before and after (left out: none). */
export type AuditedChange = {
  action: string;
  target: string | null;
  before?: unknown;
  after?: unknown;
  /** The change's own time when the write stamped its rows with it; the hall clock now otherwise. */
  at?: string;
};

/**
 * Puts a change on the audit trail in the name of `by`: the caller (a screen or a stranger is
 * recorded as nobody), or the staff id the change is owed to. Call it inside the write's
 * transaction, so the change and its entry commit together or not at all.
 */
export function auditChange(deps: { db: Db; clock: Clock }, by: Caller | number | null, change: AuditedChange): void {
  appendAudit(deps.db, {
    at: change.at ?? deps.clock.now().toISOString(),
    actorStaffId: by === null || typeof by === 'number' ? by : staffIdOf(by),
    action: change.action,
    target: change.target,
    before: change.before,
    after: change.after,
  });
}
