import type { ReadDb } from './connection.ts';
import { query, querySingle, sql } from './sql.ts';

export type DeferredMaterialRow = {
  materialId: number;
  applicationId: number;
  code: string;
  nameZh: string;
  nameEn: string;
  promisedDate: string;
  suppliedAt: string | null;
  customerName: string;
  /** Full: the caller masks it. */
  phone: string;
  submittedAt: string;
  caseNumbers: string;
};

const LEDGER = sql`SELECT m.id AS materialId, m.application_id AS applicationId, m.code, m.name_zh AS nameZh, m.name_en AS nameEn,
  m.promised_date AS promisedDate, m.supplied_at AS suppliedAt, c.name AS customerName, c.phone, a.submitted_at AS submittedAt,
  (SELECT group_concat(x.case_number, ',') FROM application_matters x WHERE x.application_id = a.id) AS caseNumbers
  FROM application_materials m JOIN applications a ON a.id = m.application_id JOIN customers c ON c.id = a.customer_id
  WHERE m.state = 'deferred'`;

const OUTSTANDING = sql` AND m.supplied_at IS NULL`;
const SUPPLIED = sql` AND m.supplied_at IS NOT NULL`;

/** Deferred materials by promised date, earliest first: outstanding, supplied, or both. */
export function deferredLedger(
  db: ReadDb,
  q: { which: 'outstanding' | 'supplied' | 'all'; limit: number; offset: number },
): { rows: DeferredMaterialRow[]; total: number } {
  const filter = q.which === 'outstanding' ? OUTSTANDING : q.which === 'supplied' ? SUPPLIED : sql``;
  const rows = query<DeferredMaterialRow>(db, sql`${LEDGER}${filter} ORDER BY m.promised_date, m.id LIMIT ${q.limit} OFFSET ${q.offset}`);
  const total = querySingle<{ n: number }>(db, sql`SELECT count(*) AS n FROM application_materials m WHERE m.state = 'deferred'${filter}`).n;
  return { rows, total };
}
