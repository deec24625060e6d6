import type { Db, ReadDb } from './connection.ts';
import type { WorkOrderStatus } from './work-orders.ts';
import { query, sql } from './sql.ts';

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
const BY_CASE_NUMBER = 'a.id IN (SELECT application_id FROM application_matters WHERE case_number = ?)';
const BY_ID_NUMBER = 'a.customer_id IN (SELECT id FROM customers WHERE id_number = ?)';
const BY_PHONE = 'a.customer_id IN (SELECT id FROM customers WHERE phone = ?)';
const BY_NAME = 'a.customer_id IN (SELECT id FROM customers WHERE name >= ? AND name < ? || char(1114111))';
// The account on the customer's record, or the one a matter named (a transfer names the seller's account).
const BY_ACCOUNT = `a.id IN (SELECT application_id FROM application_matters WHERE account_no = ?
  UNION SELECT id FROM applications WHERE customer_id IN (SELECT customer_id FROM customer_accounts WHERE account_no = ?))`;
const FROM = 'a.submitted_at >= ?';
const TO = 'a.submitted_at < ?';

function where(s: ApplicationSearch): { sql: string; values: string[] } {
  const clauses: string[] = [];
  const values: string[] = [];
  const add = (clause: string, ...v: string[]) => {
    clauses.push(clause);
    values.push(...v);
  };
  if (s.caseNumber) add(BY_CASE_NUMBER, s.caseNumber);
  if (s.idNumber) add(BY_ID_NUMBER, s.idNumber);
  if (s.phone) add(BY_PHONE, s.phone);
  if (s.name) add(BY_NAME, s.name, s.name);
  if (s.accountNo) add(BY_ACCOUNT, s.accountNo, s.accountNo);
  if (s.from) add(FROM, s.from);
  if (s.to) add(TO, s.to);
  return { sql: clauses.length === 0 ? '' : ' WHERE ' + clauses.join(' AND '), values };
}

// The page's ids are chosen first from the indexes alone (customer_id and submitted_at are both in
// applications_customer), and only those rows are read: sorting a few thousand matches of a
// common name then costs index entries, not a few thousand table rows.
const PAGE_IDS = 'SELECT a.id FROM applications a';
const PAGE_ORDER = ' ORDER BY a.submitted_at DESC, a.id DESC';
const PAGE_ROWS = `SELECT a.id, a.day, a.submitted_at AS submittedAt, a.total_fen AS totalFen, a.bundle_code AS bundleCode, a.staff_id AS staffId,
  a.counter_id AS counterId, c.id AS customerId, c.kind AS customerKind, c.name AS customerName, c.id_number AS idNumber, c.phone
  FROM page JOIN applications a ON a.id = page.id JOIN customers c ON c.id = a.customer_id`;

/** One page of applications, newest first, and how many match (up to countCap). */
export function searchApplications(db: ReadDb, s: ApplicationSearch): { hits: ApplicationHit[]; total: number; exact: boolean } {
  const { sql, values } = where(s);
  const hits = db.prepare('WITH page AS (' + PAGE_IDS + sql + PAGE_ORDER + ' LIMIT ? OFFSET ?) ' + PAGE_ROWS + PAGE_ORDER).all(...values, s.limit, s.offset) as ApplicationHit[];
  const counted = db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM applications a' + sql + ' LIMIT ?)').get(...values, s.countCap + 1) as { n: number };
  const exact = counted.n <= s.countCap;
  return { hits, total: Math.min(counted.n, s.countCap), exact };
}

export type HitMatter = { applicationId: number; caseNumber: string; utility: string; businessCode: string; status: WorkOrderStatus | null; utilityNote: string | null; utilityAt: string | null };

/** The matters of a page of applications, with their work order's status, in one query. */
export function mattersOf(db: Db, applicationIds: readonly number[]): HitMatter[] {
  if (applicationIds.length === 0) return [];
  return query<HitMatter>(db, 
      sql`SELECT m.application_id AS applicationId, m.case_number AS caseNumber, m.utility, m.business_code AS businessCode, w.status,
              (SELECT u.note FROM sync_updates u WHERE u.work_order_id = w.id AND u.result IN ('applied', 'noted') ORDER BY u.id DESC LIMIT 1) AS utilityNote,
              (SELECT u.at FROM sync_updates u WHERE u.work_order_id = w.id AND u.result IN ('applied', 'noted') ORDER BY u.id DESC LIMIT 1) AS utilityAt
       FROM application_matters m LEFT JOIN work_orders w ON w.application_id = m.application_id AND w.utility = m.utility
       WHERE m.application_id IN (SELECT value FROM json_each(${JSON.stringify(applicationIds)})) ORDER BY m.id`,
    );
}
