import { appendAudit } from '../../../db/audit.ts';
import { auditActions, searchAudit } from '../../../db/audit-search.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { addDays, type Day } from '../intake/calendar-day.ts';
import { staffIdOf } from '../intake/intake-caller.ts';
import { hallDayStart } from '../queue/hall-time.ts';
import { hallTimeZone } from '../queue/settings.ts';
import type { BackupRefusal } from './backup-port.ts';
import type { adminContract } from './contract.ts';
import { verifyAuditChain } from '../../../db/audit-chain.ts';

const refusalKeys: Record<BackupRefusal, string> = {
  not_found: 'errors.ledgers.backupNotFound',
  unreadable: 'errors.ledgers.backupUnreadable',
  corrupt: 'errors.ledgers.backupCorrupt',
  too_new: 'errors.ledgers.backupTooNew',
  not_a_hall: 'errors.ledgers.backupNotAHall',
};

export function adminHandlers(deps: CoreDeps): HandlersFor<typeof adminContract> {
  const { db, clock, ports } = deps;
  const dayStart = (day: Day): string => hallDayStart(new Date(`${day}T12:00:00Z`), hallTimeZone(db)).toISOString();
  const backups = () => ports.backups ?? fail('conflict', 'errors.ledgers.backupsUnavailable');
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
      if (!ports.backups) return { available: false, dir: null, keep: null, backups: [], pending: null };
      return { available: true, ...(await ports.backups.list()) };
    },

    async 'backups/run'(_input, { caller }) {
      const file = await backups().runNow();
      audit('backups.run', file, staffIdOf(caller));
      return file;
    },

    async 'backups/restore'({ name }, { caller }) {
      const at = clock.now().toISOString();
      const result = await backups().stageRestore(name, { at, staffId: staffIdOf(caller) });
      if (!result.ok) return fail('conflict', refusalKeys[result.reason]);
      audit('backups.restoreStaged', result.pending, staffIdOf(caller));
      return result.pending;
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
