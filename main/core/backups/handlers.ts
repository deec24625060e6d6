import { auditChange } from '../audit/record.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { staffIdOf } from '../api/caller.ts';
import type { BackupRefusal } from './backup-port.ts';
import type { backupsContract } from './contract.ts';
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

export function backupsHandlers(deps: CoreDeps): HandlersFor<typeof backupsContract> {
  const { db, clock, ports } = deps;
  const backups = () => ports.backups ?? fail('conflict', 'errors.ledgers.backupsUnavailable');
  // One restore checked at a time: a burst of guesses waits for nothing, it is refused before the counter could see it.
  let restoring = false;
  const audit = (action: string, after: unknown, actor: number | null) => auditChange(deps, actor, { action, target: 'database', after });

  return {
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
