import { getApplication, listApplicationMaterials, listFeeLines, listMatters } from '../../../db/applications.ts';
import type { Db } from '../../../db/connection.ts';
import { getCustomer } from '../../../db/customers.ts';
import { enqueueOutbox } from '../../../db/outbox.ts';
import { getWorkOrder, listStages } from '../../../db/work-orders.ts';

/**
 * What a utility receives of one work order (record type `workOrder`, docs/sync-protocol.md):
 * its own matters, stages and fee lines only — never another utility's — and the customer as
 * the utility needs them to do the work and open the account in the holder's name (utilities
 * keep accounts under real names). The signature image and the clerk stay in the hall.
 */
export type WorkOrderRecord = {
  status: string;
  acceptedAt: string;
  updatedAt: string;
  dueDay: string;
  customer: { kind: string; name: string; idType: string; idNumber: string; contactName: string | null; phone: string; address: string | null };
  matters: {
    caseNumber: string;
    business: string;
    accountNo: string | null;
    dueDay: string;
    stages: { code: string; name: string; dueDay: string; completedAt: string | null }[];
  }[];
  fees: { business: string; fee: string; name: string; priceFen: number; quantity: number; amountFen: number; included: boolean }[];
  deferredMaterials: { code: string; name: string; promisedDate: string | null; suppliedAt: string | null }[];
};

export function workOrderRecord(db: Db, workOrderId: number): WorkOrderRecord | undefined {
  const order = getWorkOrder(db, workOrderId);
  if (!order) return undefined;
  const application = getApplication(db, order.applicationId);
  const customer = application && getCustomer(db, application.customerId);
  if (!application || !customer) return undefined;
  const stages = listStages(db, order.applicationId).filter((s) => s.workOrderId === order.id);
  return {
    status: order.status,
    acceptedAt: order.createdAt,
    updatedAt: order.updatedAt,
    dueDay: order.dueDay,
    customer: {
      kind: customer.kind,
      name: customer.name,
      idType: customer.idType,
      idNumber: customer.idNumber,
      contactName: customer.contactName,
      phone: customer.phone,
      address: customer.address,
    },
    matters: listMatters(db, order.applicationId)
      .filter((m) => m.utility === order.utility)
      .map((m) => ({
        caseNumber: m.caseNumber,
        business: m.businessCode,
        accountNo: m.accountNo,
        dueDay: m.dueDay,
        stages: stages.filter((s) => s.matterId === m.id).map((s) => ({ code: s.code, name: s.nameZh, dueDay: s.dueDay, completedAt: s.completedAt })),
      })),
    fees: listFeeLines(db, order.applicationId)
      .filter((f) => f.utility === order.utility)
      .map((f) => ({
        business: f.businessCode,
        fee: f.feeCode,
        name: f.nameZh,
        priceFen: f.priceFen,
        quantity: f.quantity,
        amountFen: f.amountFen,
        included: f.included,
      })),
    deferredMaterials: listApplicationMaterials(db, order.applicationId)
      .filter((m) => m.state === 'deferred')
      .map((m) => ({ code: m.code, name: m.nameZh, promisedDate: m.promisedDate, suppliedAt: m.suppliedAt })),
  };
}

/**
 * Queues the work order's current state for its utility. Call inside the transaction that
 * created or changed it (db/outbox.ts explains why).
 */
export function queueWorkOrder(db: Db, workOrderId: number, at: string): void {
  const order = getWorkOrder(db, workOrderId);
  const data = workOrderRecord(db, workOrderId);
  if (!order || !data) return;
  enqueueOutbox(db, { utility: order.utility, type: 'workOrder', recordId: order.id, data, at });
}
