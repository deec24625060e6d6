import type { Db, ReadDb } from './connection.ts';
import type { WorkOrderStatus } from './work-orders.ts';
import { joinSql, query, querySingle, type Sql, sql } from './sql.ts';

export type ApplicationSearch = {
  caseNumber?: string | undefined;
  /** A prefix of the customer's name. */
  name?: string | undefined;
  idNumber?: string | undefined;
  phone?: string | undefined;
  accountNo?: string | undefined;
  /** Instants bounding submitted_at: from inclusive, to exclusive. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
  /** Counting stops here: a count over a year of a busy hall would cost more than the page. */
  countCap: number;
};

export type ApplicationHit = {
  id: number;
  day: string;
  submittedAt: string;
  totalFen: number;
  bundleCode: string | null;
  staffId: number;
  counterId: number;
  customerId: number;
  customerKind: 'person' | 'enterprise';
  customerName: string;
  /** Full: the caller masks them. */
  idNumber: string;
  phone: string;
};

// Each filter is one indexed lookup, joined with AND; written as constants so no value reaches the SQL text.
const byCaseNumber = (v: string): Sql => sql`a.id IN (SELECT application_id FROM application_matters WHERE case_number = ${v})`;
const byIdNumber = (v: string): Sql => sql`a.customer_id IN (SELECT id FROM customers WHERE id_number = ${v})`;
const byPhone = (v: string): Sql => sql`a.customer_id IN (SELECT id FROM customers WHERE phone = ${v})`;
const byName = (v: string): Sql => sql`a.customer_id IN (SELECT id FROM customers WHERE name >= ${v} AND name < ${v} || char(1114111))`;
// The account on the customer's record, or the one a matter named (a transfer names the seller's account).
const byAccount = (v: string): Sql => sql`a.id IN (SELECT application_id FROM application_matters WHERE account_no = ${v}
  UNION SELECT id FROM applications WHERE customer_id IN (SELECT customer_id FROM customer_accounts WHERE account_no = ${v}))`;
const from = (v: string): Sql => sql`a.submitted_at >= ${v}`;
const to = (v: string): Sql => sql`a.submitted_at < ${v}`;

function where(s: ApplicationSearch): Sql {
  const clauses: Sql[] = [];
  if (s.caseNumber) clauses.push(byCaseNumber(s.caseNumber));
  if (s.idNumber) clauses.push(byIdNumber(s.idNumber));
  if (s.phone) clauses.push(byPhone(s.phone));
  if (s.name) clauses.push(byName(s.name));
  if (s.accountNo) clauses.push(byAccount(s.accountNo));
  if (s.from) clauses.push(from(s.from));
  if (s.to) clauses.push(to(s.to));
  return clauses.length === 0 ? sql`` : sql` WHERE ${joinSql(clauses, ' AND ')}`;
}

// The page's ids are chosen first from the indexes alone (customer_id and submitted_at are both in
// applications_customer), and only those rows are read: sorting a few thousand matches of a
// common name then costs index entries, not a few thousand table rows.
const PAGE_IDS = sql`SELECT a.id FROM applications a`;
const PAGE_ORDER = sql` ORDER BY a.submitted_at DESC, a.id DESC`;
const PAGE_ROWS = sql`SELECT a.id, a.day, a.submitted_at AS submittedAt, a.total_fen AS totalFen, a.bundle_code AS bundleCode, a.staff_id AS staffId,
  a.counter_id AS counterId, c.id AS customerId, c.kind AS customerKind, c.name AS customerName, c.id_number AS idNumber, c.phone
  FROM page JOIN applications a ON a.id = page.id JOIN customers c ON c.id = a.customer_id`;

/** One page of applications, newest first, and how many match (up to countCap). */
export function searchApplications(db: ReadDb, s: ApplicationSearch): { hits: ApplicationHit[]; total: number; exact: boolean } {
  const filter = where(s);
  const hits = query<ApplicationHit>(db, sql`WITH page AS (${PAGE_IDS}${filter}${PAGE_ORDER} LIMIT ${s.limit} OFFSET ${s.offset}) ${PAGE_ROWS}${PAGE_ORDER}`);
  const counted = querySingle<{ n: number }>(db, sql`SELECT count(*) AS n FROM (SELECT 1 FROM applications a${filter} LIMIT ${s.countCap + 1})`);
  const exact = counted.n <= s.countCap;
  return { hits, total: Math.min(counted.n, s.countCap), exact };
}

export type HitMatter = {
  applicationId: number;
  caseNumber: string;
  utility: string;
  businessCode: string;
  status: WorkOrderStatus | null;
  utilityNote: string | null;
  utilityAt: string | null;
};

/** The matters of a page of applications, with their work order's status, in one query. */
export function mattersOf(db: Db, applicationIds: readonly number[]): HitMatter[] {
  if (applicationIds.length === 0) return [];
  return query<HitMatter>(
    db,
    sql`SELECT m.application_id AS applicationId, m.case_number AS caseNumber, m.utility, m.business_code AS businessCode, w.status,
              (SELECT u.note FROM sync_updates u WHERE u.work_order_id = w.id AND u.result IN ('applied', 'noted') ORDER BY u.id DESC LIMIT 1) AS utilityNote,
              (SELECT u.at FROM sync_updates u WHERE u.work_order_id = w.id AND u.result IN ('applied', 'noted') ORDER BY u.id DESC LIMIT 1) AS utilityAt
       FROM application_matters m LEFT JOIN work_orders w ON w.application_id = m.application_id AND w.utility = m.utility
       WHERE m.application_id IN (SELECT value FROM json_each(${JSON.stringify(applicationIds)})) ORDER BY m.id`,
  );
}
