import { auditChange } from '../audit/record.ts';
import {
  accountOwner,
  addCustomerAccount,
  type CustomerFields,
  type CustomerRow,
  getCustomer,
  getCustomerByIdentity,
  insertCustomer,
  updateCustomerContact,
} from '../../../db/customers.ts';
import { fail } from '../api/errors.ts';
import { hallToday } from '../hall/hall-today.ts';
import { validateResidentId, validatePhone } from '../../../common/identity.ts';
import type { CoreDeps } from '../deps.ts';
import { maskedContact, maskIdNumber, maskPhone } from '../privacy/mask.ts';
import type { Customer } from './customer.ts';
import type { CustomerView } from '../intake/views.ts';

/** An enterprise is identified by its unified social credit code, stored as its ID. */
export const creditCodeIdType = 'creditCode';

export function customerFields(c: Customer): CustomerFields {
  if (c.kind === 'person') {
    return { kind: 'person', name: c.name, idType: c.idType, idNumber: c.idNumber, contactName: null, phone: c.mobile, address: c.address ?? null };
  }
  return {
    kind: 'enterprise',
    name: c.name,
    idType: creditCodeIdType,
    idNumber: c.creditCode,
    contactName: c.contactName,
    phone: c.contactPhone,
    address: c.address ?? null,
  };
}

export function customerView(row: CustomerRow): CustomerView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    idType: row.idType,
    ...maskedContact(row),
    contactName: row.contactName,
    address: row.address,
    accounts: row.accounts,
  };
}

/** What a search box receives, in the one form numbers are stored in (full-width digits, lowercase x, spaces). */
export const normaliseIdNumber = (raw: string): string => raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();

export function normalisePhone(raw: string): string {
  const result = validatePhone(raw);
  return result.ok ? result.normalized : raw.normalize('NFKC').replace(/\s/g, '');
}

/** The audit trail of a customer record: what changed, never the full ID or phone. */
const masked = (row: CustomerRow | undefined) =>
  row && {
    kind: row.kind,
    name: row.name,
    idType: row.idType,
    idMasked: maskIdNumber(row.idNumber),
    phoneMasked: maskPhone(row.phone),
    accounts: row.accounts,
  };

/**
 * The customer as typed on a form, saved: a new record, or, when one with the same ID exists,
 * that one with its contact details updated and any new accounts added (a returning customer is
 * never recorded twice). An account already held by someone else is refused; a transfer names
 * the seller's account on the application instead. Call inside a transaction.
 */
export function upsertCustomer(deps: Pick<CoreDeps, 'db' | 'clock'>, customer: Customer, staffId: number | null, path: string): CustomerRow {
  const { db } = deps;
  const fields = customerFields(customer);
  // The contract checked the number; whether its birth date is still to come is judged on the hall's day.
  if (customer.kind === 'person' && customer.idType === 'residentId') {
    const check = validateResidentId(customer.idNumber, hallToday(deps));
    if (!check.ok) fail('validation', 'errors.validation', { fields: [{ path: `${path}idNumber`, key: 'field.residentIdBirthDate' }] });
  }
  const now = deps.clock.now().toISOString();
  const before = getCustomerByIdentity(db, fields.idType, fields.idNumber);
  customer.accounts.forEach((account, i) => {
    const owner = accountOwner(db, account.utility, account.accountNo);
    if (owner !== undefined && owner !== before?.id) {
      fail('conflict', 'errors.intake.accountTaken', { fields: [{ path: `${path}accounts.${i}.accountNo`, key: 'field.accountTaken' }] });
    }
  });
  let id: number;
  if (before) {
    id = before.id;
    updateCustomerContact(db, id, { name: fields.name, contactName: fields.contactName, phone: fields.phone, address: fields.address, now });
  } else {
    id = insertCustomer(db, { ...fields, now });
  }
  for (const account of customer.accounts) addCustomerAccount(db, id, account);
  const after = getCustomer(db, id) ?? fail('not_found', 'errors.intake.customerNotFound');
  auditChange(deps, staffId, { at: now, action: 'customers.save', target: `customer:${id}`, before: masked(before), after: masked(after) });
  return after;
}
