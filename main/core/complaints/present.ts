import type { AttachmentMeta, ComplaintRow } from '../../../db/complaints.ts';
import type { Day } from '../../../common/calendar-day.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { maskPhone } from '../privacy/mask.ts';
import { complaintDeadlineState, isSameDayCleared, maskName, nextSteps } from './rules.ts';

/** A ledger line as it leaves the core: the complainant masked, the deadline judged on today. */
export function complaintListItem(row: ComplaintRow, today: Day, warnBeforeWorkingDays: number, calendar: WorkingCalendar) {
  return {
    id: row.id,
    channel: row.channel,
    externalRef: row.externalRef,
    complainant: maskName(row.complainantName),
    phone: maskPhone(row.complainantPhone),
    utility: row.utility,
    staffId: row.staffId,
    staffName: row.staffName,
    caseNumber: row.caseNumber,
    content: row.content,
    receivedAt: row.receivedAt,
    receivedDay: row.receivedDay,
    dueDay: row.dueDay,
    state: row.state,
    deadline: complaintDeadlineState(row, today, warnBeforeWorkingDays, calendar),
    sameDayCleared: isSameDayCleared(row),
    replyDay: row.replyDay,
    closedDay: row.closedDay,
    published: row.publishedAt !== null,
    attachmentCount: row.attachmentCount,
  };
}

export function complaintDetail(row: ComplaintRow, attachments: AttachmentMeta[], today: Day, warnBeforeWorkingDays: number, calendar: WorkingCalendar) {
  return {
    ...complaintListItem(row, today, warnBeforeWorkingDays, calendar),
    investigation: row.investigation,
    investigatedAt: row.investigatedAt,
    measures: row.measures,
    replyMethod: row.replyMethod,
    replyContent: row.replyContent,
    repliedAt: row.repliedAt,
    accountability: row.accountability,
    closedAt: row.closedAt,
    publication: row.publication,
    publishedAt: row.publishedAt,
    registeredAt: row.registeredAt,
    nextSteps: nextSteps(row.state, row.publishedAt !== null),
    attachments: attachments.map(({ id, fileName, mime, sizeBytes, addedAt }) => ({ id, fileName, mime, sizeBytes, addedAt })),
  };
}
