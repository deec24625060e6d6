import type { Db } from './connection.ts';

export type AuditEntry = {
  at: string;
  actorStaffId: number | null;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
};

export type AuditRow = AuditEntry & { id: number };

export function appendAudit(db: Db, entry: AuditEntry): void {
  db.prepare(
    `INSERT INTO audit_log (at, actor_staff_id, action, target, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.at,
    entry.actorStaffId,
    entry.action,
    entry.target,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}

export function listAudit(db: Db, filter: { action?: string; limit: number }): AuditRow[] {
  const rows = db
    .prepare(
      // Named, not numbered (?1): better-sqlite3 binds ?NNN as a named parameter, so
      // positional values for it fail with "Too many parameter values".
      `SELECT * FROM audit_log WHERE (@action IS NULL OR action = @action) ORDER BY id DESC LIMIT @limit`,
    )
    .all({ action: filter.action ?? null, limit: filter.limit }) as {
    id: number;
    at: string;
    actor_staff_id: number | null;
    action: string;
    target: string | null;
    before_json: string | null;
    after_json: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorStaffId: r.actor_staff_id,
    action: r.action,
    target: r.target,
    before: r.before_json === null ? undefined : JSON.parse(r.before_json),
    after: r.after_json === null ? undefined : JSON.parse(r.after_json),
  }));
}
