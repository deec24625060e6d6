import { auditActions, searchAudit } from '../../../db/audit-search.ts';
import { verifyAuditChain } from '../../../db/audit-chain.ts';
import type { HandlersFor } from '../api/registry.ts';
import { addDays, type Day } from '../../../common/calendar-day.ts';
import type { CoreDeps } from '../deps.ts';
import { hallDayStart } from '../../../common/hall-time.ts';
import { hallTimeZone } from '../hall/time-zone.ts';
import type { auditContract } from './contract.ts';

export function auditHandlers(deps: CoreDeps): HandlersFor<typeof auditContract> {
  const { db } = deps;
  const dayStart = (day: Day): string => hallDayStart(new Date(`${day}T12:00:00Z`), hallTimeZone(db)).toISOString();

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
  };
}
