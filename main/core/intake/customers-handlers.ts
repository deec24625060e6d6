import { appendAudit } from '../../../db/audit.ts';
import { inTransaction } from '../../../db/connection.ts';
import { findCustomers, getCustomer } from '../../../db/customers.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { customerView, normaliseIdNumber, normalisePhone, upsertCustomer } from './customer-records.ts';
import type { customersContract } from './customers-contract.ts';
import { staffIdOf } from './intake-caller.ts';

/** A returning customer is usually one; more than this means the criterion is too loose. */
const FIND_LIMIT = 20;

export function customersHandlers(deps: CoreDeps): HandlersFor<typeof customersContract> {
  const { db, clock } = deps;
  return {
    'customers/find': ({ idNumber, phone, accountNo, name }) =>
      findCustomers(
        db,
        { idNumber: idNumber && normaliseIdNumber(idNumber), phone: phone && normalisePhone(phone), accountNo, name },
        FIND_LIMIT,
      ).map(customerView),

    'customers/save': ({ customer }, { caller }) => customerView(inTransaction(db, () => upsertCustomer(deps, customer, staffIdOf(caller), 'customer.'))),

    'customers/reveal'({ customerId, reason }, { caller }) {
      return inTransaction(db, () => {
        const customer = getCustomer(db, customerId) ?? fail('not_found', 'errors.intake.customerNotFound');
        // Who looked, when and why: the record of every sight of the full number.
        appendAudit(db, { at: clock.now().toISOString(), actorStaffId: staffIdOf(caller), action: 'customers.reveal', target: `customer:${customer.id}`, before: undefined, after: { reason } });
        return { customerId: customer.id, idNumber: customer.idNumber, phone: customer.phone };
      });
    },
  };
}
