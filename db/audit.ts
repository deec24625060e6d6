import type { Db, ReadDb } from './connection.ts';
import { entryHash, lastAuditHash } from './audit-chain.ts';
import { query, querySingle, run, sql } from './sql.ts';
import type { Row } from './tables.ts';
import { parseJsonValue } from './json-columns.ts';

export type AuditEntry = {
  at: string;
  actorStaffId: number | null;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
};

export type AuditRow = AuditEntry & { id: number };

/** Appends one entry to the chain; call inside the write's transaction, so the link read is the last one. */
export function appendAudit(db: Db, entry: AuditEntry): void {
  const fields = {
    at: entry.at,
    actor_staff_id: entry.actorStaffId,
    action: entry.action,
    target: entry.target,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
  const prev = lastAuditHash(db);
  run(
    db,
    sql`INSERT INTO audit_log (at, actor_staff_id, action, target, before_json, after_json, prev_hash, hash)
        VALUES (${fields.at}, ${fields.actor_staff_id}, ${fields.action}, ${fields.target}, ${fields.before_json}, ${fields.after_json}, ${prev}, ${entryHash(prev, fields)})`,
  );
}

export function listAudit(db: ReadDb, filter: { action?: string; limit: number }): AuditRow[] {
  const action = filter.action ?? null;
  const rows = query<Row<'audit_log'>>(db, sql`SELECT * FROM audit_log WHERE (${action} IS NULL OR action = ${action}) ORDER BY id DESC LIMIT ${filter.limit}`);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorStaffId: r.actor_staff_id,
    action: r.action,
    target: r.target,
    before: r.before_json === null ? undefined : parseJsonValue(r.before_json),
    after: r.after_json === null ? undefined : parseJsonValue(r.after_json),
  }));
}

/** How many times a staff member did `action` from `sinceIso` on: daily caps read it. */
export function countAuditBy(db: ReadDb, action: string, staffId: number, sinceIso: string): number {
  return querySingle<{ n: number }>(db, sql`SELECT count(*) AS n FROM audit_log WHERE action = ${action} AND actor_staff_id = ${staffId} AND at >= ${sinceIso}`)
    .n;
}

export type RevealRow = { at: string; staffId: number | null; target: string | null; after: unknown };

/** The reveals of a period, newest first, for the manager's report of who saw what. */
export function listRevealEntries(db: ReadDb, fromIso: string, toIso: string): RevealRow[] {
  return query<{ at: string; staffId: number | null; target: string | null; after: string | null }>(
    db,
    sql`SELECT at, actor_staff_id AS staffId, target, after_json AS after FROM audit_log WHERE action IN ('customers.reveal', 'complaints.reveal') AND at >= ${fromIso} AND at < ${toIso} ORDER BY id DESC`,
  ).map((r) => ({ ...r, after: r.after === null ? null : parseJsonValue(r.after) }));
}
