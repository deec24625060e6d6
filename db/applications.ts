import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';
import { type Camel, camelRow } from './camel-row.ts';
import { nextDaySequence } from './day-sequences.ts';
import type { Row } from './tables.ts';

export type ApplicationRow = Camel<Row<'applications'>>;

export function insertApplication(db: Db, a: Omit<ApplicationRow, 'id'>): number {
  return Number(
    run(
      db,
      sql`INSERT INTO applications (public_token, idempotency_key, customer_id, catalogue_version, bundle_code, ticket_id, staff_id,
           counter_id, day, submitted_at, fee_hash, total_fen, signature_request_id, snapshot)
         VALUES (${a.publicToken}, ${a.idempotencyKey}, ${a.customerId}, ${a.catalogueVersion}, ${a.bundleCode}, ${a.ticketId}, ${a.staffId}, ${a.counterId}, ${a.day}, ${a.submittedAt}, ${a.feeHash}, ${a.totalFen}, ${a.signatureRequestId}, ${a.snapshot})`,
    ).lastInsertRowid,
  );
}

export function getApplication(db: ReadDb, id: number): ApplicationRow | undefined {
  const raw = queryOne<Row<'applications'>>(db, sql`SELECT * FROM applications WHERE id = ${id}`);
  return raw && camelRow(raw);
}

export function applicationIdByKey(db: ReadDb, idempotencyKey: string): number | undefined {
  const row = queryOne<{ id: number }>(db, sql`SELECT id FROM applications WHERE idempotency_key = ${idempotencyKey}`);
  return row?.id;
}

export function applicationIdByToken(db: ReadDb, token: string): number | undefined {
  const row = queryOne<{ id: number }>(db, sql`SELECT id FROM applications WHERE public_token = ${token}`);
  return row?.id;
}

export function applicationIdByCaseNumber(db: ReadDb, caseNumber: string): number | undefined {
  const row = queryOne<{ application_id: number }>(db, sql`SELECT application_id FROM application_matters WHERE case_number = ${caseNumber}`);
  return row?.application_id;
}

/** The next case number sequence for a prefix on a hall-local day; call inside the submitting transaction. */
export function nextCaseSequence(db: Db, day: string, prefix: string): number {
  return nextDaySequence(db, 'case_sequences', day, prefix);
}

// ---------------------------------------------------------------- matters

export type MatterRow = Camel<Row<'application_matters'>>;

export function insertMatter(db: Db, m: Omit<MatterRow, 'id'>): number {
  return Number(
    run(
      db,
      sql`INSERT INTO application_matters (application_id, case_number, utility, business_code, account_no, due_day) VALUES (${m.applicationId}, ${m.caseNumber}, ${m.utility}, ${m.businessCode}, ${m.accountNo}, ${m.dueDay})`,
    ).lastInsertRowid,
  );
}

export function listMatters(db: ReadDb, applicationId: number): MatterRow[] {
  return query<MatterRow>(
    db,
    sql`SELECT id, application_id AS applicationId, case_number AS caseNumber, utility, business_code AS businessCode,
              account_no AS accountNo, due_day AS dueDay
       FROM application_matters WHERE application_id = ${applicationId} ORDER BY id`,
  );
}

// ---------------------------------------------------------------- materials

export type MaterialState = 'received' | 'deferred' | 'na';

export type ApplicationMaterialRow = Camel<Omit<Row<'application_materials'>, 'supplied_by'>>;

const MATERIAL_COLUMNS = sql`id, application_id AS applicationId, code, name_zh AS nameZh, name_en AS nameEn, state,
  promised_date AS promisedDate, supplied_at AS suppliedAt`;

export function insertApplicationMaterial(db: Db, m: Omit<ApplicationMaterialRow, 'id' | 'suppliedAt'>): void {
  run(
    db,
    sql`INSERT INTO application_materials (application_id, code, name_zh, name_en, state, promised_date) VALUES (${m.applicationId}, ${m.code}, ${m.nameZh}, ${m.nameEn}, ${m.state}, ${m.promisedDate})`,
  );
}

export function listApplicationMaterials(db: ReadDb, applicationId: number): ApplicationMaterialRow[] {
  return query<ApplicationMaterialRow>(db, sql`SELECT ${MATERIAL_COLUMNS} FROM application_materials WHERE application_id = ${applicationId} ORDER BY id`);
}

export function getApplicationMaterial(db: ReadDb, id: number): ApplicationMaterialRow | undefined {
  return queryOne<ApplicationMaterialRow>(db, sql`SELECT ${MATERIAL_COLUMNS} FROM application_materials WHERE id = ${id}`);
}

/** Marks a deferred material supplied, once; false when it was not deferred or already supplied. */
export function markMaterialSupplied(db: Db, id: number, at: string, staffId: number | null): boolean {
  return (
    run(db, sql`UPDATE application_materials SET supplied_at = ${at}, supplied_by = ${staffId} WHERE id = ${id} AND state = 'deferred' AND supplied_at IS NULL`)
      .changes === 1
  );
}

// ---------------------------------------------------------------- fee lines

export type FeeLineRow = Camel<Omit<Row<'fee_lines'>, 'id' | 'mandatory' | 'included'>> & { mandatory: boolean; included: boolean };

export function insertFeeLine(db: Db, f: FeeLineRow): void {
  run(
    db,
    sql`INSERT INTO fee_lines (application_id, utility, business_code, fee_code, name_zh, name_en, price_fen, quantity, amount_fen, mandatory, included)
     VALUES (${f.applicationId}, ${f.utility}, ${f.businessCode}, ${f.feeCode}, ${f.nameZh}, ${f.nameEn}, ${f.priceFen}, ${f.quantity}, ${f.amountFen}, ${f.mandatory ? 1 : 0}, ${f.included ? 1 : 0})`,
  );
}

export function listFeeLines(db: ReadDb, applicationId: number): FeeLineRow[] {
  const rows = query<Camel<Omit<Row<'fee_lines'>, 'id'>>>(
    db,
    sql`SELECT application_id AS applicationId, utility, business_code AS businessCode, fee_code AS feeCode, name_zh AS nameZh, name_en AS nameEn,
              price_fen AS priceFen, quantity, amount_fen AS amountFen, mandatory, included
       FROM fee_lines WHERE application_id = ${applicationId} ORDER BY id`,
  );
  return rows.map((r) => ({ ...r, mandatory: r.mandatory === 1, included: r.included === 1 }));
}
