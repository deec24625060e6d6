import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import {
  appendWorkOrderEvent,
  completeStages,
  getWorkOrder,
  updateWorkOrderStatus,
  type WorkOrderEventSource,
  type WorkOrderStatus,
} from '../../../db/work-orders.ts';
import { fail } from '../api/errors.ts';
import type { CoreDeps } from '../deps.ts';
import { queueWorkOrder } from '../sync/work-order-record.ts';

/**
 * A work order's life (用户点单 → 窗口派单 → 专营企业接单 → 办结): accepted at the window,
 * dispatched to the utility, taken by it, then completed or returned. It only moves forward;
 * a step may be skipped (the nightly sync may learn in one go that the utility took and
 * finished it), and it may be returned from any open state. Completed and returned are final.
 */
const order: readonly WorkOrderStatus[] = ['accepted', 'dispatched', 'taken', 'completed'];

export function mayMove(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  if (from === 'completed' || from === 'returned') return false;
  if (to === 'returned') return true;
  return order.indexOf(to) > order.indexOf(from);
}

/** The window's own stage (窗口受理派单) ends with the dispatch; completion ends every stage. */
const windowStage = 'accept';

export type WorkOrderChange = { workOrderId: number; applicationId: number; utility: string; from: WorkOrderStatus; to: WorkOrderStatus; at: string };

/**
 * The one way a work order changes state, for a manager's correction and for the nightly sync
 * alike: the change and its time go into work_order_events (which the sync reads), stages are
 * closed as the new state implies, and the change is audited and announced.
 */
export function changeWorkOrderStatus(
  deps: CoreDeps,
  input: { workOrderId: number; to: WorkOrderStatus; staffId: number | null; source: WorkOrderEventSource; note?: string | undefined },
): WorkOrderChange {
  const { db, clock } = deps;
  const change = inTransaction(db, () => {
    const workOrder = getWorkOrder(db, input.workOrderId) ?? fail('not_found', 'errors.intake.workOrderNotFound');
    const from = workOrder.status;
    if (!mayMove(from, input.to)) fail('conflict', 'errors.intake.workOrderTransition', { from, to: input.to });
    const at = clock.now().toISOString();
    if (!updateWorkOrderStatus(db, workOrder.id, from, input.to, at)) fail('conflict', 'errors.intake.workOrderTransition', { from, to: input.to });
    appendWorkOrderEvent(db, { workOrderId: workOrder.id, from, to: input.to, at, staffId: input.staffId, source: input.source, note: input.note ?? null });
    if (input.to === 'completed') completeStages(db, workOrder.id, at, null);
    else if (input.to !== 'returned') completeStages(db, workOrder.id, at, [windowStage]);
    // The utility hears of the window's change tonight; a change it sent itself is not echoed back.
    if (input.source !== 'sync') queueWorkOrder(db, workOrder.id, at);
    auditChange(deps, input.staffId, {
      at,
      action: 'intake.setWorkOrderStatus',
      target: `workOrder:${workOrder.id}`,
      before: { status: from },
      after: { status: input.to, source: input.source, note: input.note ?? null },
    });
    return { workOrderId: workOrder.id, applicationId: workOrder.applicationId, utility: workOrder.utility, from, to: input.to, at };
  });
  deps.events.emit('intake/workOrderChanged', change, ['clerk', 'manager', 'admin']);
  return change;
}
