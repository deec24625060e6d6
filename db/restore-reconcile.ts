import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { appendAudit } from './audit.ts';
import { type Db, inTransaction } from './connection.ts';
import type { PendingRestore } from './restore.ts';
import { fixedSql, query, queryOne, run, sql } from './sql.ts';
import { parseJsonValue } from './json-columns.ts';
import type { Row } from './tables.ts';

export type RestoreReconciled = {
  /** Audit entries written after the backup was taken, carried into the restored log. */
  carriedAuditEntries: number;
  /** Whether the restored log was a beginning of the replaced one, so the chain runs on unbroken. */
  chainContinued: boolean;
  /** Staff whose later password, deactivation, roles or lock were put back, or who were created since (with their utility). */
  staffReapplied: number;
  sessionsEnded: number;
  /** Devices that must pair again: the backup knows nothing of revocations since. */
  devicesToPair: number;
};

/**
 * Each account as the replaced database holds it. `utility` (migration 0006) is read where that
 * database has the column, and only an account created since the backup takes it: for the others
 * the restored copy's profile stands, as their names do.
 */
type StaffAccess = Row<'staff'>;

/**
 * After a restore swapped an older copy into place (applyPendingRestore) and it was migrated:
 * an older copy must not undo what happened since. Every session ends; every paired device must
 * pair again (a kiosk revoked after the backup would otherwise work again); each staff member's
 * later password, deactivation, roles and lock come back from the replaced database; the audit
 * entries written since the backup are carried over, so the trail is not erased; and the restore
 * itself is the next entry. One transaction.
 */
export function reconcileRestore(db: Db, previousFile: string, restored: PendingRestore, now: string): RestoreReconciled {
  const previous = existsSync(previousFile) ? new Database(previousFile, { readonly: true, fileMustExist: true }) : undefined;
  try {
    return inTransaction(db, () => {
      let carried = 0;
      let chainContinued = true;
      let staffReapplied = 0;
      if (previous) {
        // Accounts created since the backup come back too (their later entries name them), and
        // every account's later password, deactivation, roles and lock are put back.
        const insertStaff = db.prepare(
          `INSERT INTO staff (id, work_no, name, password_hash, roles, active, failed_logins, locked_until, created_at, updated_at, utility)
           SELECT @id, @work_no, @name, @password_hash, @roles, @active, @failed_logins, @locked_until, @created_at, @updated_at, @utility
           WHERE NOT EXISTS (SELECT 1 FROM staff WHERE id = @id OR work_no = @work_no)`,
        );
        const hasUtility = queryOne<{ found: number }>(previous, sql`SELECT 1 AS found FROM pragma_table_info('staff') WHERE name = 'utility'`) !== undefined;
        const utilityColumn = hasUtility ? fixedSql('utility') : fixedSql('NULL AS utility');
        const update = db.prepare(
          'UPDATE staff SET password_hash = @password_hash, roles = @roles, active = @active, failed_logins = @failed_logins, locked_until = @locked_until WHERE id = @id AND work_no = @work_no',
        );
        for (const s of query<StaffAccess>(
          previous,
          sql`SELECT id, work_no, name, password_hash, roles, active, failed_logins, locked_until, created_at, updated_at, ${utilityColumn} FROM staff`,
        )) {
          staffReapplied += insertStaff.run(s).changes || update.run(s).changes;
        }
        const tail = queryOne<{ id: number; hash: string | null }>(db, sql`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`);
        const same = tail ? queryOne<{ hash: string | null }>(previous, sql`SELECT hash FROM audit_log WHERE id = ${tail.id}`) : undefined;
        chainContinued = !tail || (same !== undefined && same.hash === tail.hash);
        const later = query<Row<'audit_log'>>(previous, sql`SELECT * FROM audit_log WHERE id > ${tail?.id ?? 0} ORDER BY id`);
        const insertAsIs = db.prepare(
          'INSERT INTO audit_log (id, at, actor_staff_id, action, target, before_json, after_json, prev_hash, hash) VALUES (@id, @at, @actor_staff_id, @action, @target, @before_json, @after_json, @prev_hash, @hash)',
        );
        for (const row of later) {
          // The same history: the entries and their links go on as they were. Another hall's or a
          // diverged copy: each is appended anew, its content kept, and the restore entry says so.
          if (chainContinued) insertAsIs.run(row);
          else
            appendAudit(db, {
              at: row.at,
              actorStaffId: row.actor_staff_id,
              action: row.action,
              target: row.target,
              before: parse(row.before_json),
              after: parse(row.after_json),
            });
          carried += 1;
        }
      }
      const sessionsEnded = run(db, sql`DELETE FROM sessions`).changes;
      const devicesToPair = run(db, sql`UPDATE devices SET revoked_at = ${now} WHERE revoked_at IS NULL`).changes;
      const result = { carriedAuditEntries: carried, chainContinued, staffReapplied, sessionsEnded, devicesToPair };
      appendAudit(db, {
        at: now,
        actorStaffId: restored.stagedBy,
        action: 'backups.restoreApplied',
        target: `backup:${restored.backup}`,
        before: undefined,
        after: { ...result, stagedAt: restored.stagedAt },
      });
      return result;
    });
  } finally {
    previous?.close();
  }
}

const parse = (json: string | null): unknown => (json === null ? undefined : parseJsonValue(json));
