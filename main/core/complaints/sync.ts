import type { ComplaintRow } from '../../../db/complaints.ts';
import type { Db } from '../../../db/connection.ts';
import { enqueueOutbox } from '../../../db/outbox.ts';

/**
 * Queues the complaint for its utility's nightly sync; call inside the transaction that wrote
 * it. A complaint about the hall itself (no utility) concerns no utility and is not sent. The
 * complainant's name and phone stay in the hall: the hall replies to the complainant, and the
 * utility needs the facts, not the person.
 */
export function enqueueComplaint(db: Db, c: ComplaintRow, at: string): void {
  if (c.utility === null) return;
  enqueueOutbox(db, {
    utility: c.utility,
    type: 'complaint',
    recordId: c.id,
    at,
    data: {
      channel: c.channel,
      externalRef: c.externalRef,
      caseNumber: c.caseNumber,
      content: c.content,
      receivedAt: c.receivedAt,
      dueDay: c.dueDay,
      state: c.state,
      investigation: c.investigation,
      measures: c.measures,
      reply: c.replyDay === null ? null : { day: c.replyDay, method: c.replyMethod, content: c.replyContent },
      accountability: c.accountability,
      closedAt: c.closedAt,
      publishedAt: c.publishedAt,
    },
  });
}
