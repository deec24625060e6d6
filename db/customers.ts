import type { Db } from './connection.ts';

export type CustomerKind = 'person' | 'enterprise';
export type CustomerAccount = { utility: string; accountNo: string };

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

type Raw = {
  id: number;
  kind: CustomerKind;
  name: string;
  id_type: string;
  id_number: string;
  contact_name: string | null;
  phone: string;
  address: string | null;
  created_at: string;
  updated_at: string;
  accounts: string;
};

const SELECT = `SELECT c.*, (SELECT json_group_array(json_object('utility', a.utility, 'accountNo', a.account_no))
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
  accounts: JSON.parse(r.accounts) as CustomerAccount[],
});

export function getCustomer(db: Db, id: number): CustomerRow | undefined {
  const raw = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Raw | undefined;
  return raw && toCustomer(raw);
}

export function getCustomerByIdentity(db: Db, idType: string, idNumber: string): CustomerRow | undefined {
  const raw = db.prepare(`${SELECT} WHERE c.id_type = ? AND c.id_number = ?`).get(idType, idNumber) as Raw | undefined;
  return raw && toCustomer(raw);
}

export type CustomerFilter = { idNumber?: string | undefined; phone?: string | undefined; accountNo?: string | undefined; name?: string | undefined };

// Each criterion narrows by an indexed column; they are joined with AND.
const BY_ID_NUMBER = 'c.id_number = ?';
const BY_PHONE = 'c.phone = ?';
const BY_ACCOUNT = 'c.id IN (SELECT customer_id FROM customer_accounts WHERE account_no = ?)';
// A prefix range rather than LIKE, so the name index is used; U+10FFFF sorts after every character.
const BY_NAME = 'c.name >= ? AND c.name < ? || char(1114111)';

/** Returning customers by any of: full ID number, phone, account number, name prefix. */
export function findCustomers(db: Db, filter: CustomerFilter, limit: number): CustomerRow[] {
  const clauses: string[] = [];
  const values: (string | number)[] = [];
  if (filter.idNumber) {
    clauses.push(BY_ID_NUMBER);
    values.push(filter.idNumber);
  }
  if (filter.phone) {
    clauses.push(BY_PHONE);
    values.push(filter.phone);
  }
  if (filter.accountNo) {
    clauses.push(BY_ACCOUNT);
    values.push(filter.accountNo);
  }
  if (filter.name) {
    clauses.push(BY_NAME);
    values.push(filter.name, filter.name);
  }
  if (clauses.length === 0) return [];
  const sql = SELECT + ' WHERE ' + clauses.join(' AND ') + ' ORDER BY c.updated_at DESC, c.id DESC LIMIT ?';
  return (db.prepare(sql).all(...values, limit) as Raw[]).map(toCustomer);
}

export function insertCustomer(db: Db, c: CustomerFields & { now: string }): number {
  return Number(
    db
      .prepare(
        `INSERT INTO customers (kind, name, id_type, id_number, contact_name, phone, address, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.kind, c.name, c.idType, c.idNumber, c.contactName, c.phone, c.address, c.now, c.now).lastInsertRowid,
  );
}

/** Contact details change; the identity (type and number) of a customer does not. */
export function updateCustomerContact(db: Db, id: number, c: Pick<CustomerFields, 'name' | 'contactName' | 'phone' | 'address'> & { now: string }): void {
  db.prepare('UPDATE customers SET name = ?, contact_name = ?, phone = ?, address = ?, updated_at = ? WHERE id = ?').run(
    c.name,
    c.contactName,
    c.phone,
    c.address,
    c.now,
    id,
  );
}

export function accountOwner(db: Db, utility: string, accountNo: string): number | undefined {
  const row = db.prepare('SELECT customer_id FROM customer_accounts WHERE utility = ? AND account_no = ?').get(utility, accountNo) as
    | { customer_id: number }
    | undefined;
  return row?.customer_id;
}

/** Adds an account to a customer; one they already hold is left as it is. */
export function addCustomerAccount(db: Db, customerId: number, account: CustomerAccount): void {
  db.prepare('INSERT INTO customer_accounts (customer_id, utility, account_no) VALUES (?, ?, ?) ON CONFLICT(utility, account_no) DO NOTHING').run(
    customerId,
    account.utility,
    account.accountNo,
  );
}

/**
 * Whether a clerk is working with this customer now: an application of theirs is on the ticket
 * at the clerk's counter, or one the clerk accepted still has an open work order.
 */
export function customerOnClerksOpenWork(db: Db, customerId: number, staffId: number): boolean {
  const row = db
    .prepare(
      `SELECT 1 FROM applications a
        WHERE a.customer_id = @customerId
          AND (a.ticket_id IN (SELECT t.id FROM tickets t JOIN counters c ON c.id = t.counter_id WHERE c.staff_id = @staffId AND t.status IN ('called', 'serving'))
               OR (a.staff_id = @staffId AND EXISTS (SELECT 1 FROM work_orders w WHERE w.application_id = a.id AND w.status IN ('accepted', 'dispatched', 'taken'))))
        LIMIT 1`,
    )
    .get({ customerId, staffId });
  return row !== undefined;
}
