import type { Db } from '../../../db/connection.ts';
import { appliedUpdatesOfApplication, type UpdateStatus } from '../../../db/sync.ts';
import { listWorkOrderEvents, type WorkOrderEventRow, type WorkOrderStatus } from '../../../db/work-orders.ts';

export type HistoryEntry = {
  from: WorkOrderStatus | null;
  to: WorkOrderStatus;
  /** When the hall recorded the step. */
  at: string;
  source: WorkOrderEventRow['source'];
  /** The reason or remark given with the step: the utility's note ("地址不符…") for its own steps. */
  note: string | null;
  /** For a step the utility reported: when the utility says it acted, which the hall learns at night. */
  utilityAt: string | null;
};

// What a utility's status means for the work order (as main/utility-link/apply-updates.ts applies it).
const stepOf: Record<UpdateStatus, WorkOrderStatus> = { taken: 'taken', in_progress: 'taken', completed: 'completed', returned: 'returned' };

/**
 * Each work order's steps of one application, oldest first, with the utility's own word on the
 * steps it reported: its note and its time (docs/sync-protocol.md promises both are shown).
 */
export function workOrderHistory(db: Db, applicationId: number): Map<number, HistoryEntry[]> {
  const updates = appliedUpdatesOfApplication(db, applicationId);
  const used = new Set<number>();
  const byOrder = new Map<number, HistoryEntry[]>();
  for (const e of listWorkOrderEvents(db, applicationId)) {
    let note = e.note;
    let utilityAt: string | null = null;
    if (e.source === 'sync') {
      const i = updates.findIndex((u, n) => !used.has(n) && u.workOrderId === e.workOrderId && stepOf[u.status] === e.to);
      const u = updates[i];
      if (u) {
        used.add(i);
        utilityAt = u.at;
        note = u.note;
      } else if (note === e.to) note = null;
    }
    const list = byOrder.get(e.workOrderId) ?? [];
    list.push({ from: e.from, to: e.to, at: e.at, source: e.source, note, utilityAt });
    byOrder.set(e.workOrderId, list);
  }
  return byOrder;
}
