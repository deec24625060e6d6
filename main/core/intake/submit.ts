import { randomBytes } from 'node:crypto';
import { applicationIdByKey, insertApplication, insertApplicationMaterial, insertFeeLine, insertMatter, nextCaseSequence } from '../../../db/applications.ts';
import { inTransaction } from '../../../db/connection.ts';
import { type CustomerRow, getCustomer } from '../../../db/customers.ts';
import { deleteDraft } from '../../../db/intake-drafts.ts';
import { applicationOfSignature, getSignatureRequest } from '../../../db/signature-requests.ts';
import { getTicket } from '../../../db/tickets.ts';
import { appendWorkOrderEvent, insertStage, insertWorkOrder } from '../../../db/work-orders.ts';
import { queueWorkOrder } from '../sync/work-order-record.ts';
import { type Caller, asStaff } from '../api/caller.ts';
import { fail } from '../api/errors.ts';
import type { CoreDeps } from '../deps.ts';
import { caseLetter, formatCaseNumber } from './case-number.ts';
import type { Customer } from '../customers/customer.ts';
import { upsertCustomer } from '../customers/customer-records.ts';
import type { FeeChoices } from './fee-lines.ts';
import { hallToday } from '../hall/hall-today.ts';
import { existingCounter } from './intake-caller.ts';
import { type IntakePlan, planIntake } from './intake-plan.ts';
import { type MaterialDecision, checkMaterials } from './material-check.ts';
import type { Selection } from './selection.ts';

export type SubmitInput = {
  idempotencyKey: string;
  counterId: number;
  ticketId?: number | undefined;
  customerId?: number | undefined;
  customer?: Customer | undefined;
  selection: Selection;
  fees: FeeChoices;
  materials: Record<string, MaterialDecision>;
  accounts: Record<string, string>;
  signatureRequestId: number;
};

/** What an application keeps of its customer as accepted: a rename later does not rewrite the receipt. */
export type StoredSnapshot = IntakePlan['snapshot'] & {
  bundle: { code: string; names: { zh: string; en: string } } | null;
  fees: IntakePlan['signed']['fees'];
  customer: { kind: CustomerRow['kind']; name: string };
};

/** Refuses, naming every material that blocks submission, in both languages for the message. */
function requireMaterials(plan: IntakePlan, decisions: Record<string, MaterialDecision>): void {
  const problems = checkMaterials(plan.materials, decisions, plan.acceptedOn);
  if (problems.length === 0) return;
  fail('validation', 'errors.intake.materialsBlockSubmit', {
    fields: problems.map((p) => ({ path: `materials.${p.material}`, key: p.messageKey })),
    problems,
    materials: problems.map((p) => p.names.zh).join('、'),
    materialsEn: problems.map((p) => p.names.en).join(', '),
  });
}

/** The signature must be this counter's, signed, unused, and over exactly the list recomputed now. */
function requireSignature(deps: Pick<CoreDeps, 'db'>, input: SubmitInput, plan: IntakePlan): void {
  const request = getSignatureRequest(deps.db, input.signatureRequestId) ?? fail('not_found', 'errors.intake.signatureNotFound');
  if (request.counterId !== input.counterId) fail('conflict', 'errors.intake.signatureOtherCounter');
  if (request.status === 'pending') fail('conflict', 'errors.intake.notSigned');
  if (request.status === 'cancelled') fail('conflict', 'errors.intake.signatureCancelled');
  if (applicationOfSignature(deps.db, request.id) !== undefined) fail('conflict', 'errors.intake.signatureUsed');
  if (request.feeHash !== plan.feeHash) fail('conflict', 'errors.intake.signatureMismatch');
}

function resolveCustomer(deps: CoreDeps, input: SubmitInput, staffId: number): CustomerRow {
  if (input.customerId !== undefined) {
    return (
      getCustomer(deps.db, input.customerId) ??
      fail('not_found', 'errors.intake.customerNotFound', { fields: [{ path: 'customerId', key: 'field.customerNotFound' }] })
    );
  }
  if (!input.customer) return fail('validation', 'errors.validation', { fields: [{ path: 'customer', key: 'field.customerRequired' }] });
  return upsertCustomer(deps, input.customer, staffId, 'customer.');
}

/**
 * Submits the intake form, all or nothing, in one transaction: the customer (new or updated),
 * the application with its snapshot of rules and prices, a case number per matter, a work
 * order per utility with its deadlines and first event, the material decisions and the fee
 * lines; then the clerk's draft is dropped. The same idempotency key returns the application
 * it made the first time, so a double click or a retry after a timeout makes one record.
 * Returns the application id and whether this call created it.
 */
export function submitApplication(deps: CoreDeps, caller: Caller, input: SubmitInput): { applicationId: number; created: boolean } {
  const staff = asStaff(caller);
  const { db, clock } = deps;
  return inTransaction(db, () => {
    const existing = applicationIdByKey(db, input.idempotencyKey);
    if (existing !== undefined) return { applicationId: existing, created: false };

    existingCounter(db, input.counterId);
    if (input.ticketId !== undefined && !getTicket(db, input.ticketId)) fail('not_found', 'errors.queue.ticketNotFound');
    const day = hallToday(deps);
    const plan = planIntake(db, day, input.selection, input.fees);
    requireMaterials(plan, input.materials);
    requireSignature(deps, input, plan);
    const customer = resolveCustomer(deps, input, staff.staffId);

    const at = clock.now().toISOString();
    const bundle = input.selection.bundle ? plan.version.catalogue.bundles.find((b) => b.code === input.selection.bundle) : undefined;
    const snapshot: StoredSnapshot = {
      ...plan.snapshot,
      bundle: bundle ? { code: bundle.code, names: bundle.names } : null,
      fees: plan.signed.fees,
      customer: { kind: customer.kind, name: customer.name },
    };
    const applicationId = insertApplication(db, {
      publicToken: randomBytes(18).toString('base64url'),
      idempotencyKey: input.idempotencyKey,
      customerId: customer.id,
      catalogueVersion: plan.version.version,
      bundleCode: bundle?.code ?? null,
      ticketId: input.ticketId ?? null,
      staffId: staff.staffId,
      counterId: input.counterId,
      day,
      submittedAt: at,
      feeHash: plan.feeHash,
      totalFen: plan.signed.fees.totalFen,
      signatureRequestId: input.signatureRequestId,
      snapshot: JSON.stringify(snapshot),
    });

    const workOrderIds: number[] = [];
    for (const utility of plan.deadlines) {
      const workOrderId = insertWorkOrder(db, { applicationId, utility: utility.utility, dueDay: utility.dueDay, at });
      workOrderIds.push(workOrderId);
      appendWorkOrderEvent(db, { workOrderId, from: null, to: 'accepted', at, staffId: staff.staffId, source: 'window', note: null });
      // The account named for this utility on the form, else the customer's own for it.
      const accountNo = input.accounts[utility.utility] ?? customer.accounts.find((a) => a.utility === utility.utility)?.accountNo ?? null;
      for (const matter of utility.matters) {
        const letter = caseLetter(utility.utility);
        const caseNumber = formatCaseNumber(letter, day, nextCaseSequence(db, day, letter));
        const matterId = insertMatter(db, {
          applicationId,
          caseNumber,
          utility: utility.utility,
          businessCode: matter.business,
          accountNo,
          dueDay: matter.dueDay,
        });
        matter.stages.forEach((stage, seq) =>
          insertStage(db, {
            workOrderId,
            matterId,
            seq,
            code: stage.code,
            nameZh: stage.names.zh,
            nameEn: stage.names.en,
            limitWorkingDays: stage.limitWorkingDays,
            dueDay: stage.dueDay,
          }),
        );
      }
    }

    for (const material of plan.materials) {
      const decision = input.materials[material.code];
      if (!decision) continue; // requireMaterials has made sure there is one
      insertApplicationMaterial(db, {
        applicationId,
        code: material.code,
        nameZh: material.names.zh,
        nameEn: material.names.en,
        state: decision.state,
        promisedDate: decision.state === 'deferred' ? (decision.promisedDate ?? null) : null,
      });
    }

    for (const group of plan.signed.fees.utilities) {
      for (const line of group.lines) {
        insertFeeLine(db, {
          applicationId,
          utility: group.utility,
          businessCode: line.business,
          feeCode: line.fee,
          nameZh: line.names.zh,
          nameEn: line.names.en,
          priceFen: line.priceFen,
          quantity: line.quantity,
          amountFen: line.amountFen,
          mandatory: line.mandatory,
          included: line.included,
        });
      }
    }

    // Queued for each utility in this same transaction: accepted here means on its way there.
    for (const workOrderId of workOrderIds) queueWorkOrder(db, workOrderId, at);

    deleteDraft(db, staff.staffId, input.counterId);
    return { applicationId, created: true };
  });
}
