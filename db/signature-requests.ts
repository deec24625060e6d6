import type { Db, ReadDb } from './connection.ts';
import { queryOne, run, sql } from './sql.ts';
import type { Row } from './tables.ts';

export type SignatureStatus = 'pending' | 'signed' | 'cancelled';

/** Signed on the counter's customer screen (an image kept), or on the printed fee list (the paper is the record). */
export type SignatureKind = 'screen' | 'paper';

export type SignatureRequestRow = {
  id: number;
  token: string;
  counterId: number;
  staffId: number;
  feeHash: string;
  feeJson: string;
  status: SignatureStatus;
  createdAt: string;
  signedAt: string | null;
  deviceId: number | null;
  kind: SignatureKind;
  /** Who recorded a paper signature; null for a screen one. */
  recordedBy: number | null;
  /** Whether an image is stored; the bytes are read on their own (signatureImage). */
  hasImage: boolean;
};

type Raw = Omit<Row<'signature_requests'>, 'image' | 'image_erased_at'> & { has_image: number };

const SELECT = sql`SELECT id, token, counter_id, staff_id, fee_hash, fee_json, status, created_at, signed_at, device_id,
  kind, recorded_by, image IS NOT NULL AS has_image FROM signature_requests`;

const toRow = (r: Raw): SignatureRequestRow => ({
  id: r.id,
  token: r.token,
  counterId: r.counter_id,
  staffId: r.staff_id,
  feeHash: r.fee_hash,
  feeJson: r.fee_json,
  status: r.status,
  createdAt: r.created_at,
  signedAt: r.signed_at,
  deviceId: r.device_id,
  kind: r.kind,
  recordedBy: r.recorded_by,
  hasImage: r.has_image === 1,
});

export function insertSignatureRequest(
  db: Db,
  r: { token: string; counterId: number; staffId: number; feeHash: string; feeJson: string; createdAt: string },
): number {
  return Number(
    run(
      db,
      sql`INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at) VALUES (${r.token}, ${r.counterId}, ${r.staffId}, ${r.feeHash}, ${r.feeJson}, ${r.createdAt})`,
    ).lastInsertRowid,
  );
}

/** A signature the customer gave on the printed fee list, recorded by the clerk: signed from the start, no image. */
export function insertPaperSignature(
  db: Db,
  r: { token: string; counterId: number; staffId: number; feeHash: string; feeJson: string; signedAt: string },
): number {
  return Number(
    run(
      db,
      sql`INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at, status, signed_at, kind, recorded_by)
           VALUES (${r.token}, ${r.counterId}, ${r.staffId}, ${r.feeHash}, ${r.feeJson}, ${r.signedAt}, 'signed', ${r.signedAt}, 'paper', ${r.staffId})`,
    ).lastInsertRowid,
  );
}

export function getSignatureRequest(db: ReadDb, id: number): SignatureRequestRow | undefined {
  const raw = queryOne<Raw>(db, sql`${SELECT} WHERE id = ${id}`);
  return raw && toRow(raw);
}

export function getSignatureRequestByToken(db: ReadDb, token: string): SignatureRequestRow | undefined {
  const raw = queryOne<Raw>(db, sql`${SELECT} WHERE token = ${token}`);
  return raw && toRow(raw);
}

/** The request a counter's customer screen should show now: its latest pending one. */
export function pendingSignatureForCounter(db: ReadDb, counterId: number): SignatureRequestRow | undefined {
  const raw = queryOne<Raw>(db, sql`${SELECT} WHERE counter_id = ${counterId} AND status = 'pending' ORDER BY id DESC LIMIT 1`);
  return raw && toRow(raw);
}

/** A new request replaces whatever the counter's screen was still showing. */
export function cancelPendingSignatures(db: Db, counterId: number): number {
  return run(db, sql`UPDATE signature_requests SET status = 'cancelled' WHERE counter_id = ${counterId} AND status = 'pending'`).changes;
}

/** Stores the signature, only on a request still pending; false when it had moved on. */
export function markSigned(db: Db, id: number, s: { image: Buffer; signedAt: string; deviceId: number }): boolean {
  return (
    run(
      db,
      sql`UPDATE signature_requests SET status = 'signed', image = ${s.image}, signed_at = ${s.signedAt}, device_id = ${s.deviceId} WHERE id = ${id} AND status = 'pending'`,
    ).changes === 1
  );
}

export function signatureImage(db: ReadDb, id: number): Buffer | undefined {
  const row = queryOne<{ image: Buffer | null }>(db, sql`SELECT image FROM signature_requests WHERE id = ${id}`);
  return row?.image ?? undefined;
}

/** The application that used a signature, if any: a signature counts for one application only. */
export function applicationOfSignature(db: ReadDb, signatureRequestId: number): number | undefined {
  const row = queryOne<{ id: number }>(db, sql`SELECT id FROM applications WHERE signature_request_id = ${signatureRequestId}`);
  return row?.id;
}
