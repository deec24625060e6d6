import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { findCustomers, getCustomer, customerOnClerksOpenWork } from '../../../db/customers.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { customerView, normaliseIdNumber, normalisePhone, upsertCustomer } from './customer-records.ts';
import { type customersContract, REVEAL_DAILY_CAP } from './contract.ts';
import { staffIdOf } from '../api/caller.ts';
import { countAuditBy, listRevealEntries } from '../../../db/audit.ts';
import { listStaff } from '../../../db/staff.ts';
import { hallDayStart } from '../../../common/hall-time.ts';
import { hallTimeZone } from '../hall/time-zone.ts';
import { addDays } from '../../../common/calendar-day.ts';

/** A returning customer is usually one; more than this means the criterion is too loose. */
const FIND_LIMIT = 20;

export function customersHandlers(deps: CoreDeps): HandlersFor<typeof customersContract> {
  const { db, clock } = deps;
  return {
    'customers/find': ({ idNumber, phone, accountNo, name }) =>
      findCustomers(db, { idNumber: idNumber && normaliseIdNumber(idNumber), phone: phone && normalisePhone(phone), accountNo, name }, FIND_LIMIT).map(
        customerView,
      ),

    'customers/save': ({ customer }, { caller }) => customerView(inTransaction(db, () => upsertCustomer(deps, customer, staffIdOf(caller), 'customer.'))),

    'customers/reveal'({ customerId, reason, note }, { caller }) {
      const now = clock.now();
      const staffId = staffIdOf(caller);
      const manager = caller.kind === 'staff' && (caller.roles.includes('manager') || caller.roles.includes('admin'));
      const capReached = inTransaction(db, () => {
        const customer = getCustomer(db, customerId) ?? fail('not_found', 'errors.intake.customerNotFound');
        // A clerk sees the full number of the customer in front of them, not anyone's: others need a manager.
        if (!manager && (staffId === null || !customerOnClerksOpenWork(db, customer.id, staffId))) fail('forbidden', 'errors.intake.revealNotYourCustomer');
        const today = hallDayStart(now, hallTimeZone(db)).toISOString();
        if (staffId !== null && countAuditBy(db, 'customers.reveal', staffId, today) >= REVEAL_DAILY_CAP) {
          auditChange(deps, staffId, {
            at: now.toISOString(),
            action: 'customers.revealCapReached',
            target: `customer:${customer.id}`,
            after: { reason, cap: REVEAL_DAILY_CAP },
          });
          return true;
        }
        // Who looked, when and why: the record of every sight of the full number.
        auditChange(deps, staffId, {
          at: now.toISOString(),
          action: 'customers.reveal',
          target: `customer:${customer.id}`,
          after: { reason, ...(note ? { note } : {}) },
        });
        return { customerId: customer.id, idNumber: customer.idNumber, phone: customer.phone };
      });
      if (capReached === true) {
        deps.events.emit('customers/revealCapReached', { staffId, cap: REVEAL_DAILY_CAP }, ['manager', 'admin']);
        deps.logger.warn({ staffId, cap: REVEAL_DAILY_CAP }, 'daily cap of customer data reveals reached');
        return fail('locked', 'errors.intake.revealCapReached', { cap: REVEAL_DAILY_CAP });
      }
      return capReached;
    },

    'customers/reveals'({ fromDay, toDay }) {
      const zone = hallTimeZone(db);
      const from = hallDayStart(new Date(`${fromDay}T12:00:00Z`), zone).toISOString();
      const to = hallDayStart(new Date(`${addDays(toDay, 1)}T12:00:00Z`), zone).toISOString();
      const names = new Map(listStaff(db).map((s) => [s.id, `${s.name} (${s.workNo})`]));
      const entries = listRevealEntries(db, from, to).map((e) => ({
        at: e.at,
        staffId: e.staffId,
        staffName: e.staffId === null ? null : (names.get(e.staffId) ?? null),
        target: e.target,
        reason: e.after !== null && typeof e.after === 'object' && 'reason' in e.after && typeof e.after.reason === 'string' ? e.after.reason : null,
      }));
      const counts = new Map<number, number>();
      for (const e of entries) if (e.staffId !== null) counts.set(e.staffId, (counts.get(e.staffId) ?? 0) + 1);
      const perStaff = [...counts.entries()]
        .map(([id, count]) => ({ staffId: id, staffName: names.get(id) ?? `#${id}`, count }))
        .sort((a, b) => b.count - a.count);
      return { entries, perStaff };
    },
  };
}
