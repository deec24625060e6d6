import type { Db, ReadDb } from './connection.ts';
import { joinSql, query, queryOne, run, sql, type Sql } from './sql.ts';
import { parseJsonColumn } from './json-columns.ts';
import { z } from 'zod';
import type { Row } from './tables.ts';

export type CustomerKind = 'person' | 'enterprise';
export type CustomerAccount = { utility: string; accountNo: string };
const accountList = z.array(z.looseObject({ utility: z.string(), accountNo: z.string() })) satisfies z.ZodType<CustomerAccount[]>;

export type CustomerRow = {
  id: number;
  kind: CustomerKind;
  name: string;
  idType: string;
  /** In full: callers mask it unless the viewer has asked to reveal it (audited). */
  idNumber: string;
  contactName: string | null;
  phone: string;
  address: string | null;
  createdAt: string;
  updatedAt: string;
  accounts: CustomerAccount[];
};

export type CustomerFields = Omit<CustomerRow, 'id' | 'createdAt' | 'updatedAt' | 'accounts'>;

type Raw = Row<'customers'> & { accounts: string };

const SELECT = sql`SELECT c.*, (SELECT json_group_array(json_object('utility', a.utility, 'accountNo', a.account_no))
  FROM customer_accounts a WHERE a.customer_id = c.id) AS accounts FROM customers c`;

const toCustomer = (r: Raw): CustomerRow => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  idType: r.id_type,
  idNumber: r.id_number,
  contactName: r.contact_name,
  phone: r.phone,
  address: r.address,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  accounts: parseJsonColumn(accountList, r.accounts),
});

export function getCustomer(db: ReadDb, id: number): CustomerRow | undefined {
  const raw = queryOne<Raw>(db, sql`${SELECT} WHERE c.id = ${id}`);
  return raw && toCustomer(raw);
}

export function getCustomerByIdentity(db: ReadDb, idType: string, idNumber: string): CustomerRow | undefined {
  const raw = queryOne<Raw>(db, sql`${SELECT} WHERE c.id_type = ${idType} AND c.id_number = ${idNumber}`);
  return raw && toCustomer(raw);
}

export type CustomerFilter = { idNumber?: string | undefined; phone?: string | undefined; accountNo?: string | undefined; name?: string | undefined };

// Each criterion narrows by an indexed column; they are joined with AND.
const byIdNumber = (idNumber: string): Sql => sql`c.id_number = ${idNumber}`;
const byPhone = (phone: string): Sql => sql`c.phone = ${phone}`;
const byAccount = (accountNo: string): Sql => sql`c.id IN (SELECT customer_id FROM customer_accounts WHERE account_no = ${accountNo})`;
// A prefix range rather than LIKE, so the name index is used; U+10FFFF sorts after every character.
const byName = (name: string): Sql => sql`c.name >= ${name} AND c.name < ${name} || char(1114111)`;

/** Returning customers by any of: full ID number, phone, account number, name prefix. */
export function findCustomers(db: Db, filter: CustomerFilter, limit: number): CustomerRow[] {
  const clauses: Sql[] = [];
  if (filter.idNumber) clauses.push(byIdNumber(filter.idNumber));
  if (filter.phone) clauses.push(byPhone(filter.phone));
  if (filter.accountNo) clauses.push(byAccount(filter.accountNo));
  if (filter.name) clauses.push(byName(filter.name));
  if (clauses.length === 0) return [];
  return query<Raw>(db, sql`${SELECT} WHERE ${joinSql(clauses, ' AND ')} ORDER BY c.updated_at DESC, c.id DESC LIMIT ${limit}`).map(toCustomer);
}

export function insertCustomer(db: Db, c: CustomerFields & { now: string }): number {
  return Number(
    run(
      db,
      sql`INSERT INTO customers (kind, name, id_type, id_number, contact_name, phone, address, created_at, updated_at)
         VALUES (${c.kind}, ${c.name}, ${c.idType}, ${c.idNumber}, ${c.contactName}, ${c.phone}, ${c.address}, ${c.now}, ${c.now})`,
    ).lastInsertRowid,
  );
}

/** Contact details change; the identity (type and number) of a customer does not. */
export function updateCustomerContact(db: Db, id: number, c: Pick<CustomerFields, 'name' | 'contactName' | 'phone' | 'address'> & { now: string }): void {
  run(
    db,
    sql`UPDATE customers SET name = ${c.name}, contact_name = ${c.contactName}, phone = ${c.phone}, address = ${c.address}, updated_at = ${c.now} WHERE id = ${id}`,
  );
}

export function accountOwner(db: ReadDb, utility: string, accountNo: string): number | undefined {
  const row = queryOne<{ customer_id: number }>(db, sql`SELECT customer_id FROM customer_accounts WHERE utility = ${utility} AND account_no = ${accountNo}`);
  return row?.customer_id;
}

/** Adds an account to a customer; one they already hold is left as it is. */
export function addCustomerAccount(db: Db, customerId: number, account: CustomerAccount): void {
  run(
    db,
    sql`INSERT INTO customer_accounts (customer_id, utility, account_no) VALUES (${customerId}, ${account.utility}, ${account.accountNo}) ON CONFLICT(utility, account_no) DO NOTHING`,
  );
}

/**
 * Whether a clerk is working with this customer now: an application of theirs is on the ticket
 * at the clerk's counter, or one the clerk accepted still has an open work order.
 */
export function customerOnClerksOpenWork(db: ReadDb, customerId: number, staffId: number): boolean {
  const row = queryOne<{ 1: number }>(
    db,
    sql`SELECT 1 FROM applications a
        WHERE a.customer_id = ${customerId}
          AND (a.ticket_id IN (SELECT t.id FROM tickets t JOIN counters c ON c.id = t.counter_id WHERE c.staff_id = ${staffId} AND t.status IN ('called', 'serving'))
               OR (a.staff_id = ${staffId} AND EXISTS (SELECT 1 FROM work_orders w WHERE w.application_id = a.id AND w.status IN ('accepted', 'dispatched', 'taken'))))
        LIMIT 1`,
  );
  return row !== undefined;
}
