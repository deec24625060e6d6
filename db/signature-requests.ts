import type { Db } from './connection.ts';

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

type Raw = {
  id: number;
  token: string;
  counter_id: number;
  staff_id: number;
  fee_hash: string;
  fee_json: string;
  status: SignatureStatus;
  created_at: string;
  signed_at: string | null;
  device_id: number | null;
  kind: SignatureKind;
  recorded_by: number | null;
  has_image: number;
};

const SELECT = `SELECT id, token, counter_id, staff_id, fee_hash, fee_json, status, created_at, signed_at, device_id,
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
    db
      .prepare('INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(r.token, r.counterId, r.staffId, r.feeHash, r.feeJson, r.createdAt).lastInsertRowid,
  );
}

/** A signature the customer gave on the printed fee list, recorded by the clerk: signed from the start, no image. */
export function insertPaperSignature(
  db: Db,
  r: { token: string; counterId: number; staffId: number; feeHash: string; feeJson: string; signedAt: string },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO signature_requests (token, counter_id, staff_id, fee_hash, fee_json, created_at, status, signed_at, kind, recorded_by)
           VALUES (?, ?, ?, ?, ?, ?, 'signed', ?, 'paper', ?)`,
      )
      .run(r.token, r.counterId, r.staffId, r.feeHash, r.feeJson, r.signedAt, r.signedAt, r.staffId).lastInsertRowid,
  );
}

export function getSignatureRequest(db: Db, id: number): SignatureRequestRow | undefined {
  const raw = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Raw | undefined;
  return raw && toRow(raw);
}

export function getSignatureRequestByToken(db: Db, token: string): SignatureRequestRow | undefined {
  const raw = db.prepare(`${SELECT} WHERE token = ?`).get(token) as Raw | undefined;
  return raw && toRow(raw);
}

/** The request a counter's customer screen should show now: its latest pending one. */
export function pendingSignatureForCounter(db: Db, counterId: number): SignatureRequestRow | undefined {
  const raw = db.prepare(`${SELECT} WHERE counter_id = ? AND status = 'pending' ORDER BY id DESC LIMIT 1`).get(counterId) as Raw | undefined;
  return raw && toRow(raw);
}

/** A new request replaces whatever the counter's screen was still showing. */
export function cancelPendingSignatures(db: Db, counterId: number): number {
  return db.prepare(`UPDATE signature_requests SET status = 'cancelled' WHERE counter_id = ? AND status = 'pending'`).run(counterId).changes;
}

/** Stores the signature, only on a request still pending; false when it had moved on. */
export function markSigned(db: Db, id: number, s: { image: Buffer; signedAt: string; deviceId: number }): boolean {
  return (
    db
      .prepare(`UPDATE signature_requests SET status = 'signed', image = ?, signed_at = ?, device_id = ? WHERE id = ? AND status = 'pending'`)
      .run(s.image, s.signedAt, s.deviceId, id).changes === 1
  );
}

export function signatureImage(db: Db, id: number): Buffer | undefined {
  const row = db.prepare('SELECT image FROM signature_requests WHERE id = ?').get(id) as { image: Buffer | null } | undefined;
  return row?.image ?? undefined;
}

/** The application that used a signature, if any: a signature counts for one application only. */
export function applicationOfSignature(db: Db, signatureRequestId: number): number | undefined {
  const row = db.prepare('SELECT id FROM applications WHERE signature_request_id = ?').get(signatureRequestId) as { id: number } | undefined;
  return row?.id;
}
