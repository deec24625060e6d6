import type { Db } from '../../../db/connection.ts';
import { type FollowUpTaskRow, listProblemsOfTask } from '../../../db/followups.ts';
import { enqueueOutbox } from '../../../db/outbox.ts';

/**
 * Queues a follow-up for its utility's nightly sync; call inside the transaction that wrote it.
 * The utility knows its work order; the customer's name and phone are not sent again.
 */
export function enqueueFollowUp(db: Db, task: FollowUpTaskRow, at: string): void {
  enqueueOutbox(db, {
    utility: task.utility,
    type: 'followUp',
    recordId: task.id,
    at,
    data: {
      period: task.period,
      workOrderId: task.workOrderId,
      caseNumbers: task.caseNumbers,
      state: task.state,
      method: task.method,
      satisfaction: task.satisfaction,
      notes: task.notes,
      doneAt: task.doneAt,
      problems: listProblemsOfTask(db, task.id).map((p) => ({
        id: p.id,
        description: p.description,
        foundDay: p.foundDay,
        dueDay: p.dueDay,
        closedDay: p.closedDay,
        resolution: p.resolution,
      })),
    },
  });
}
