import { inTransaction } from '../../db/connection.ts';
import { quarantineUpdate, recordUpdate, setUpdatesCursor, type UpdateResult, updateSeen } from '../../db/sync.ts';
import { getWorkOrder, type WorkOrderStatus } from '../../db/work-orders.ts';
import type { CoreDeps } from '../core/deps.ts';
import { changeWorkOrderStatus, mayMove } from '../core/intake/work-order-status.ts';
import { type InvalidUpdate, type UtilityUpdate, workOrderIdOf } from './protocol.ts';

/**
 * What a utility's status means for the hall's work order: `in_progress` is the utility at
 * work on one it has taken, so the order is (at least) taken and the note is kept.
 */
const target: Record<UtilityUpdate['status'], WorkOrderStatus> = { taken: 'taken', in_progress: 'taken', completed: 'completed', returned: 'returned' };

/**
 * Applies one page of updates and moves the cursor past it, in one transaction: a crash
 * leaves either the whole page applied and the cursor after it, or neither. A repeated update
 * (the same work order, status and time) is recognised and changes nothing; an update about
 * another utility's work order, or one the hall does not know, is recorded but not applied.
 */
export function applyUpdates(
  deps: CoreDeps,
  utility: string,
  cursor: string | null,
  updates: readonly UtilityUpdate[],
  invalid: readonly InvalidUpdate[] = [],
): { applied: number; seen: number; quarantined: number } {
  const { db } = deps;
  const receivedAt = deps.clock.now().toISOString();
  let applied = 0;
  let seen = 0;
  inTransaction(db, () => {
    for (const update of updates) {
      const workOrderId = workOrderIdOf(update.workOrderId);
      const note = update.note ?? null;
      const key = { utility, workOrderId: workOrderId ?? -1, status: update.status, at: update.at };
      if (updateSeen(db, key)) {
        seen += 1;
        continue;
      }
      const order = workOrderId === undefined ? undefined : getWorkOrder(db, workOrderId);
      let result: UpdateResult;
      if (!order || order.utility !== utility) result = 'unknown';
      else if (mayMove(order.status, target[update.status])) {
        changeWorkOrderStatus(deps, { workOrderId: order.id, to: target[update.status], staffId: null, source: 'sync', note: note ?? update.status });
        result = 'applied';
        applied += 1;
      } else result = update.status === 'in_progress' && order.status === 'taken' ? 'noted' : 'ignored';
      recordUpdate(db, { ...key, note, receivedAt, result });
    }
    // Entries the hall could not read are kept aside for the manager, and the feed moves past them:
    // one bad update never holds back the good ones behind it.
    for (const bad of invalid)
      quarantineUpdate(db, { utility, receivedAt, pageCursor: cursor, position: bad.index, raw: bad.raw, problem: bad.problem, field: bad.field });
    setUpdatesCursor(db, utility, cursor);
  });
  if (invalid.length > 0) deps.logger.warn({ utility, quarantined: invalid.length }, 'sync updates the hall could not read were quarantined');
  return { applied, seen, quarantined: invalid.length };
}
