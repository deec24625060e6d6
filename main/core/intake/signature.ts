import { randomBytes } from 'node:crypto';
import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { listDevices } from '../../../db/devices.ts';
import {
  cancelPendingSignatures,
  getSignatureRequest,
  getSignatureRequestByToken,
  insertPaperSignature,
  insertSignatureRequest,
  markSigned,
  pendingSignatureForCounter,
  type SignatureRequestRow,
} from '../../../db/signature-requests.ts';
import { type Caller, type StaffCaller, asStaff } from '../api/caller.ts';
import { fail } from '../api/errors.ts';
import type { CoreDeps } from '../deps.ts';
import type { FeeChoices } from './fee-lines.ts';
import { hallToday } from '../hall/hall-today.ts';
import { ownCounter } from './intake-caller.ts';
import { planIntake } from './intake-plan.ts';
import type { Selection } from './selection.ts';
import { decodeSignature } from './signature-image.ts';
import type { SignedFeeList } from './signed-fee-list.ts';

const staffScreens = ['clerk', 'manager', 'admin'] as const;

/** Rate devices paired to a counter: its customer-facing screens. */
const rateDevicesAt = (deps: Pick<CoreDeps, 'db'>, counterId: number): number[] =>
  listDevices(deps.db)
    .filter((d) => d.role === 'rate' && d.counterId === counterId && d.revokedAt === null)
    .map((d) => d.id);

export const signatureView = (deps: Pick<CoreDeps, 'db'>, row: SignatureRequestRow) => ({
  requestId: row.id,
  counterId: row.counterId,
  status: row.status,
  createdAt: row.createdAt,
  signedAt: row.signedAt,
  feeHash: row.feeHash,
  kind: row.kind,
  deviceIds: rateDevicesAt(deps, row.counterId),
});

type SignatureInput = { counterId: number; selection: Selection; fees: FeeChoices };

/**
 * The fee list a customer signs, on the screen or on paper alike: the counter must be the
 * clerk's, the list is priced from the selection and the current catalogue, and `signed` is what
 * every signature row keeps of it. Runs inside the caller's transaction.
 */
function feeListToSign(deps: CoreDeps, staff: StaffCaller, input: SignatureInput) {
  ownCounter(deps.db, staff, input.counterId);
  const plan = planIntake(deps.db, hallToday(deps), input.selection, input.fees);
  const signed = {
    token: randomBytes(18).toString('base64url'),
    counterId: input.counterId,
    staffId: staff.staffId,
    feeHash: plan.feeHash,
    feeJson: JSON.stringify(plan.signed),
  };
  return { plan, signed };
}

/**
 * Puts the fee list on the customer's screen. The server computes the list from the selection
 * and the current catalogue (never from what the form shows), stores it with its hash, and
 * replaces any request the counter's screen was still showing.
 */
export function requestSignature(deps: CoreDeps, caller: Caller, input: SignatureInput) {
  const staff = asStaff(caller);
  const { db, clock } = deps;
  const row = inTransaction(db, () => {
    const { signed } = feeListToSign(deps, staff, input);
    cancelPendingSignatures(db, input.counterId);
    const id = insertSignatureRequest(db, { ...signed, createdAt: clock.now().toISOString() });
    return getSignatureRequest(db, id) ?? fail('not_found', 'errors.intake.signatureNotFound');
  });
  const view = signatureView(deps, row);
  // Every rate screen hears it; each shows it only if it is one of deviceIds (its own counter's).
  deps.events.emit('intake/signatureRequested', { requestId: row.id, counterId: row.counterId, deviceIds: view.deviceIds }, ['rate']);
  return view;
}

/**
 * The customer signed the printed fee list (受理单) at a counter without a customer screen (or
 * with one out of order); the clerk records it. The list is recomputed as for the screen, and
 * the hash of the list the clerk printed must match it: a list changed after printing was not
 * what the customer signed. A pending request on the screen is dropped, as a new one would.
 */
export function recordPaperSignature(deps: CoreDeps, caller: Caller, input: SignatureInput & { feeHash: string }) {
  const staff = asStaff(caller);
  const { db, clock } = deps;
  const at = clock.now().toISOString();
  const row = inTransaction(db, () => {
    const { plan, signed } = feeListToSign(deps, staff, input);
    if (plan.feeHash !== input.feeHash) fail('conflict', 'errors.intake.paperListChanged');
    cancelPendingSignatures(db, input.counterId);
    const id = insertPaperSignature(db, { ...signed, signedAt: at });
    auditChange(deps, staff.staffId, {
      at,
      action: 'intake.paperSignature',
      target: `signature:${id}`,
      after: { counterId: input.counterId, feeHash: plan.feeHash },
    });
    return getSignatureRequest(db, id) ?? fail('not_found', 'errors.intake.signatureNotFound');
  });
  return signatureView(deps, row);
}

export function pendingSignature(deps: CoreDeps, caller: Caller) {
  if (caller.kind !== 'device' || caller.counterId === null) return null;
  const row = pendingSignatureForCounter(deps.db, caller.counterId);
  if (!row) return null;
  const list = JSON.parse(row.feeJson) as SignedFeeList;
  return { requestId: row.id, token: row.token, createdAt: row.createdAt, feeHash: row.feeHash, businesses: list.businesses, fees: list.fees };
}

/**
 * The customer signs on the screen at the counter. The screen says which fee list it showed
 * (its hash); a request replaced or changed meanwhile is refused rather than signed blind.
 */
export function sign(deps: CoreDeps, caller: Caller, input: { token: string; feeHash: string; image: string }) {
  if (caller.kind !== 'device') return fail('forbidden', 'errors.forbidden');
  const image = decodeSignature(input.image);
  const signedAt = deps.clock.now().toISOString();
  const row = inTransaction(deps.db, () => {
    const request = getSignatureRequestByToken(deps.db, input.token) ?? fail('not_found', 'errors.intake.signatureNotFound');
    if (request.counterId !== caller.counterId) fail('forbidden', 'errors.intake.signatureOtherCounter');
    if (request.status === 'cancelled') fail('conflict', 'errors.intake.signatureCancelled');
    if (request.status === 'signed') fail('conflict', 'errors.intake.alreadySigned');
    if (request.feeHash !== input.feeHash) fail('conflict', 'errors.intake.signatureMismatch');
    if (!markSigned(deps.db, request.id, { image, signedAt, deviceId: caller.deviceId })) fail('conflict', 'errors.intake.signatureCancelled');
    return request;
  });
  deps.events.emit('intake/signed', { requestId: row.id, counterId: row.counterId }, staffScreens);
  return { requestId: row.id, signedAt };
}

export function signatureStatus(deps: CoreDeps, requestId: number) {
  const row = getSignatureRequest(deps.db, requestId) ?? fail('not_found', 'errors.intake.signatureNotFound');
  return signatureView(deps, row);
}
