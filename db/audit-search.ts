import type { ReadDb } from './connection.ts';
import { query, sql } from './sql.ts';
import { parseJsonValue } from './json-columns.ts';

/** The audit viewer's query over audit_log (db/audit.ts writes it): who, when, what, on what. */
export type AuditFilter = {
  actorStaffId?: number | undefined;
  /** An action, or a domain prefix ending in '.' ("complaints."). */
  action?: string | undefined;
  /**
   * A target, or a kind ending in ':' ("complaint:"): every target of that kind, and the kind
   * alone where a record is about the one thing of its kind ('hall', 'database').
   */
  target?: string | undefined;
  fromIso?: string | undefined;
  toIso?: string | undefined;
  limit: number;
};

export type AuditViewRow = {
  id: number;
  at: string;
  actorStaffId: number | null;
  actorName: string | null;
  actorWorkNo: string | null;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
};

type Raw = Omit<AuditViewRow, 'before' | 'after'> & { before_json: string | null; after_json: string | null };

// LIKE patterns are built from the filter with its wildcards escaped, and bound like any value.
const prefixPattern = (value: string): string => `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function searchAudit(db: ReadDb, filter: AuditFilter): AuditViewRow[] {
  const action = filter.action ?? null;
  const target = filter.target ?? null;
  const actor = filter.actorStaffId ?? null;
  const actionPrefix = action?.endsWith('.') ? prefixPattern(action) : null;
  const targetKind = target?.endsWith(':') ? target.slice(0, -1) : null;
  const targetPrefix = targetKind === null ? null : prefixPattern(`${targetKind}:`);
  const from = filter.fromIso ?? null;
  const to = filter.toIso ?? null;
  const rows = query<Raw>(
    db,
    sql`SELECT l.id, l.at, l.actor_staff_id AS actorStaffId, s.name AS actorName, s.work_no AS actorWorkNo, l.action, l.target, l.before_json, l.after_json
       FROM audit_log l LEFT JOIN staff s ON s.id = l.actor_staff_id
       WHERE (${actor} IS NULL OR l.actor_staff_id = ${actor})
         AND (${action} IS NULL OR l.action = ${action} OR (${actionPrefix} IS NOT NULL AND l.action LIKE ${actionPrefix} ESCAPE '\\'))
         AND (${target} IS NULL OR l.target = ${target} OR l.target = ${targetKind} OR (${targetPrefix} IS NOT NULL AND l.target LIKE ${targetPrefix} ESCAPE '\\'))
         AND (${from} IS NULL OR l.at >= ${from})
         AND (${to} IS NULL OR l.at < ${to})
       ORDER BY l.id DESC LIMIT ${filter.limit}`,
  );
  return rows.map(({ before_json, after_json, ...r }) => ({
    ...r,
    before: before_json === null ? null : parseJsonValue(before_json),
    after: after_json === null ? null : parseJsonValue(after_json),
  }));
}

/** Every action the log holds, for the viewer's filter. */
export function auditActions(db: ReadDb): string[] {
  return query<{ action: string }>(db, sql`SELECT DISTINCT action FROM audit_log ORDER BY action`).map((r) => r.action);
}
