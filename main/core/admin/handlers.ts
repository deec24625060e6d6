import { appendAudit } from '../../../db/audit.ts';
import { auditActions, searchAudit } from '../../../db/audit-search.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { addDays, type Day } from '../../../common/calendar-day.ts';
import { staffIdOf } from '../intake/intake-caller.ts';
import { hallDayStart } from '../../../common/hall-time.ts';
import { hallTimeZone } from '../queue/settings.ts';
import type { BackupRefusal } from './backup-port.ts';
import type { adminContract } from './contract.ts';
import { verifyAuditChain } from '../../../db/audit-chain.ts';
import { type AttemptPolicy, blockedUntil, clearAttempts, recordFailedAttempt } from '../../../db/attempt-limits.ts';

const refusalKeys: Record<BackupRefusal, string> = {
  not_found: 'errors.ledgers.backupNotFound',
  unreadable: 'errors.ledgers.backupUnreadable',
  corrupt: 'errors.ledgers.backupCorrupt',
  too_new: 'errors.ledgers.backupTooNew',
  not_a_hall: 'errors.ledgers.backupNotAHall',
  password_needed: 'errors.ledgers.backupPasswordNeeded',
  wrong_password: 'errors.ledgers.backupPasswordWrong',
};

/**
 * Wrong backup passwords, counted for the whole hall (only administrators restore): five within a
 * quarter of an hour stop every attempt for a quarter of an hour, so a stolen backup's password
 * cannot be guessed through the hall, whoever and wherever the guesses come from. (Guessing a
 * copied file offline meets scrypt's cost instead.)
 */
export const BACKUP_PASSWORD_ATTEMPTS: AttemptPolicy = { maxFailures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 };
const ATTEMPT_SCOPE = 'backups.password';
const ATTEMPT_KEY = 'hall';

export function adminHandlers(deps: CoreDeps): HandlersFor<typeof adminContract> {
  const { db, clock, ports } = deps;
  const dayStart = (day: Day): string => hallDayStart(new Date(`${day}T12:00:00Z`), hallTimeZone(db)).toISOString();
  const backups = () => ports.backups ?? fail('conflict', 'errors.ledgers.backupsUnavailable');
  // One restore checked at a time: a burst of guesses waits for nothing, it is refused before the counter could see it.
  let restoring = false;
  const audit = (action: string, after: unknown, actor: number | null) =>
    appendAudit(db, { at: clock.now().toISOString(), actorStaffId: actor, action, target: 'database', before: undefined, after });

  return {
    'audit/verify': () => {
      const check = verifyAuditChain(db);
      return { ok: check.ok, entries: check.entries, brokenAtId: check.ok ? null : check.brokenAtId };
    },
    'audit/list': ({ actorStaffId, action, target, fromDay, toDay, limit }) => ({
      entries: searchAudit(db, {
        actorStaffId,
        action,
        target,
        fromIso: fromDay ? dayStart(fromDay) : undefined,
        toIso: toDay ? dayStart(addDays(toDay, 1)) : undefined,
        limit,
      }),
      actions: auditActions(db),
    }),

    async 'backups/list'() {
      if (!ports.backups) return { available: false, dir: null, keep: null, backups: [], pending: null, key: null };
      return { available: true, ...(await ports.backups.list()) };
    },

    async 'backups/run'(_input, { caller }) {
      const file = await backups().runNow();
      audit('backups.run', file, staffIdOf(caller));
      return file;
    },

    async 'backups/restore'({ name, password }, { caller }) {
      const port = backups();
      const now = clock.now();
      const at = now.toISOString();
      const staffId = staffIdOf(caller);
      // Only a password can be guessed: a plain copy's restore is never held up by the block.
      const blocked = password === undefined ? undefined : blockedUntil(db, ATTEMPT_SCOPE, ATTEMPT_KEY, at);
      if (blocked) {
        audit('backups.restoreRefused', { backup: name, reason: 'blocked', until: blocked }, staffId);
        return fail('locked', 'errors.ledgers.backupPasswordBlocked', { until: blocked });
      }
      if (restoring) return fail('locked', 'errors.ledgers.restoreInProgress');
      restoring = true;
      let result: Awaited<ReturnType<typeof port.stageRestore>>;
      try {
        result = await port.stageRestore(name, { at, staffId }, password);
      } finally {
        restoring = false;
      }
      if (!result.ok) {
        // Refusals are on the trail (never the password typed); a wrong password counts towards the block.
        const until = result.reason === 'wrong_password' ? recordFailedAttempt(db, ATTEMPT_SCOPE, ATTEMPT_KEY, now, BACKUP_PASSWORD_ATTEMPTS) : undefined;
        audit('backups.restoreRefused', { backup: name, reason: result.reason, ...(until ? { blockedUntil: until } : {}) }, staffId);
        if (until) return fail('locked', 'errors.ledgers.backupPasswordBlocked', { until });
        return fail('conflict', refusalKeys[result.reason]);
      }
      if (password) clearAttempts(db, ATTEMPT_SCOPE, ATTEMPT_KEY);
      audit('backups.restoreStaged', result.pending, staffId);
      return result.pending;
    },

    async 'backups/setPassword'({ password }, { caller }) {
      const setAt = clock.now().toISOString();
      const { changed } = await backups().setPassword(password, setAt);
      audit(changed ? 'backups.passwordChanged' : 'backups.passwordSet', { setAt }, staffIdOf(caller));
      return { changed, setAt };
    },

    async 'backups/cancelRestore'(_input, { caller }) {
      const port = backups();
      const { pending } = await port.list();
      if (!pending) return { cancelled: false };
      await port.cancelRestore();
      audit('backups.restoreCancelled', pending, staffIdOf(caller));
      return { cancelled: true };
    },
  };
}
