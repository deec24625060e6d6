import { auditChange } from '../audit/record.ts';
import {
  type ComplaintChanges,
  type ComplaintRow,
  getAttachment,
  getComplaint,
  insertAttachment,
  insertComplaint,
  listAttachments,
  listComplaints,
  updateComplaint,
} from '../../../db/complaints.ts';
import { inTransaction } from '../../../db/connection.ts';
import { getStaffById } from '../../../db/staff.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { currentCatalogue } from '../catalogue/catalogue-store.ts';
import { hallToday } from '../hall/hall-today.ts';
import { staffIdOf } from '../api/caller.ts';
import { hallDay } from '../../../common/hall-time.ts';
import { hallTimeZone } from '../hall/time-zone.ts';
import type { complaintsContract } from './contract.ts';
import { ATTACHMENT_MAX_BYTES } from '../../../common/upload-limits.ts';
import { complaintFigures } from './figures.ts';
import { complaintDetail, complaintListItem } from './present.ts';
import { type ComplaintStep, complaintDueDay, mayTakeStep, stateAfter } from './rules.ts';
import { enqueueComplaint } from './sync.ts';
import { readComplaintDeadlines, writeComplaintDeadlines } from './settings.ts';

/** Received a little in the future is a clock skew between PCs; more is a typing mistake. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function complaintsHandlers(deps: CoreDeps): HandlersFor<typeof complaintsContract> {
  const { db, clock, events } = deps;

  const existing = (id: number): ComplaintRow => getComplaint(db, id) ?? fail('not_found', 'errors.ledgers.complaintNotFound');

  const view = (row: ComplaintRow) => {
    const deadlines = readComplaintDeadlines(db);
    return complaintDetail(row, listAttachments(db, row.id), hallToday(deps), deadlines.warnBeforeWorkingDays, loadCalendar(db));
  };

  const changed = (id: number) => events.emit('complaints/changed', { complaintId: id }, ['manager', 'admin']);

  /**
   * One step of the ledger: checked against the state, written with its audit entry (before
   * and after) and its sync entry in one transaction.
   */
  const takeStep = (id: number, step: ComplaintStep, changes: (now: string) => ComplaintChanges, actorId: number | null) => {
    const after = inTransaction(db, () => {
      const before = existing(id);
      if (!mayTakeStep(before.state, step)) fail('conflict', 'errors.ledgers.complaintWrongState', { state: before.state, step });
      const now = clock.now().toISOString();
      updateComplaint(db, id, { ...changes(now), state: stateAfter(step) }, now);
      const updated = existing(id);
      auditChange(deps, actorId, { at: now, action: `complaints.${step}`, target: `complaint:${id}`, before: auditable(before), after: auditable(updated) });
      enqueueComplaint(db, updated, now);
      return updated;
    });
    changed(id);
    return view(after);
  };

  return {
    'complaints/list'({ fromDay, toDay, state, limit }) {
      const today = hallToday(deps);
      const calendar = loadCalendar(db);
      const { warnBeforeWorkingDays } = readComplaintDeadlines(db);
      return {
        today,
        complaints: listComplaints(db, { fromDay, toDay, state, limit }).map((row) => complaintListItem(row, today, warnBeforeWorkingDays, calendar)),
      };
    },

    'complaints/get': ({ id }) => view(existing(id)),

    'complaints/register'(input, { caller }) {
      const received = new Date(input.receivedAt);
      const now = clock.now();
      if (received.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
        fail('validation', 'errors.validation', { fields: [{ path: 'receivedAt', key: 'field.receivedInFuture' }] });
      }
      if (input.utility !== undefined && !currentCatalogue(db).catalogue.utilities.some((u) => u.code === input.utility)) {
        fail('validation', 'errors.validation', { fields: [{ path: 'utility', key: 'field.unknownUtility' }] });
      }
      if (input.staffId !== undefined && !getStaffById(db, input.staffId)) {
        fail('validation', 'errors.validation', { fields: [{ path: 'staffId', key: 'field.staffNotFound' }] });
      }
      const receivedDay = hallDay(received, hallTimeZone(db));
      const dueDay = complaintDueDay(receivedDay, input.channel, readComplaintDeadlines(db), loadCalendar(db));
      const row = inTransaction(db, () => {
        const at = now.toISOString();
        const id = insertComplaint(db, {
          channel: input.channel,
          externalRef: input.externalRef || null,
          complainantName: input.complainantName,
          complainantPhone: input.complainantPhone ?? null,
          utility: input.utility ?? null,
          staffId: input.staffId ?? null,
          caseNumber: input.caseNumber || null,
          content: input.content,
          receivedAt: received.toISOString(),
          receivedDay,
          dueDay,
          registeredAt: at,
          registeredBy: staffIdOf(caller),
        });
        const created = existing(id);
        auditChange(deps, caller, { at, action: 'complaints.register', target: `complaint:${id}`, after: auditable(created) });
        enqueueComplaint(db, created, at);
        return created;
      });
      changed(row.id);
      return view(row);
    },

    'complaints/investigate': ({ id, investigation, measures }, { caller }) =>
      takeStep(
        id,
        'investigate',
        (now) => ({ investigation, investigatedAt: now, investigatedBy: staffIdOf(caller), ...(measures === undefined ? {} : { measures: measures || null }) }),
        staffIdOf(caller),
      ),

    'complaints/reply': ({ id, replyDay, method, content }, { caller }) => {
      const complaint = existing(id);
      // A reply cannot come before the complaint, nor from tomorrow.
      if (replyDay < complaint.receivedDay || replyDay > hallToday(deps)) {
        fail('validation', 'errors.validation', { fields: [{ path: 'replyDay', key: 'field.replyDayRange' }] });
      }
      return takeStep(
        id,
        'reply',
        (now) => ({ replyDay, replyMethod: method, replyContent: content, repliedAt: now, repliedBy: staffIdOf(caller) }),
        staffIdOf(caller),
      );
    },

    'complaints/close': ({ id, accountability }, { caller }) =>
      takeStep(
        id,
        'close',
        (now) => ({ accountability: accountability || null, closedAt: now, closedDay: hallToday(deps), closedBy: staffIdOf(caller) }),
        staffIdOf(caller),
      ),

    'complaints/publish': ({ id, publication }, { caller }) => {
      if (existing(id).publishedAt !== null) fail('conflict', 'errors.ledgers.complaintWrongState', { state: 'published', step: 'publish' });
      return takeStep(id, 'publish', (now) => ({ publication, publishedAt: now, publishedBy: staffIdOf(caller) }), staffIdOf(caller));
    },

    'complaints/reveal'({ id, reason }, { caller }) {
      return inTransaction(db, () => {
        const complaint = existing(id);
        // Who looked, when and why: the record of every sight of the full name and number.
        auditChange(deps, caller, { action: 'complaints.reveal', target: `complaint:${id}`, after: { reason } });
        return { id, name: complaint.complainantName, phone: complaint.complainantPhone };
      });
    },

    'complaints/attach'({ id, fileName, mime, dataBase64 }, { caller }) {
      const data = Buffer.from(dataBase64, 'base64');
      if (data.byteLength === 0 || data.byteLength > ATTACHMENT_MAX_BYTES) {
        fail('too_large', 'errors.ledgers.attachmentTooLarge', { limitBytes: ATTACHMENT_MAX_BYTES });
      }
      const meta = inTransaction(db, () => {
        existing(id);
        const at = clock.now().toISOString();
        const attachmentId = insertAttachment(db, { complaintId: id, fileName, mime, data, addedAt: at, addedBy: staffIdOf(caller) });
        const after = { attachmentId, fileName, mime, sizeBytes: data.byteLength };
        auditChange(deps, caller, { at, action: 'complaints.attach', target: `complaint:${id}`, after });
        return { id: attachmentId, fileName, mime, sizeBytes: data.byteLength, addedAt: at };
      });
      changed(id);
      return meta;
    },

    'complaints/attachment'({ attachmentId }, { caller }) {
      return inTransaction(db, () => {
        const attachment = getAttachment(db, attachmentId) ?? fail('not_found', 'errors.ledgers.attachmentNotFound');
        auditChange(deps, caller, {
          action: 'complaints.download',
          target: `complaint:${attachment.complaintId}`,
          after: { attachmentId, fileName: attachment.fileName },
        });
        return { fileName: attachment.fileName, mime: attachment.mime, dataBase64: attachment.data.toString('base64') };
      });
    },

    'complaints/figures': ({ fromDay, toDay }) => complaintFigures(db, fromDay, toDay),

    'complaints/deadlines': () => readComplaintDeadlines(db),

    'complaints/setDeadlines'(input, { caller }) {
      return inTransaction(db, () => {
        const before = readComplaintDeadlines(db);
        writeComplaintDeadlines(db, input);
        auditChange(deps, caller, { action: 'complaints.setDeadlines', target: 'settings:complaints.deadlines', before, after: input });
        return readComplaintDeadlines(db);
      });
    },
  };
}

/** What the audit log keeps of a complaint: its ledger fields, never the complainant (the audit viewer is no way round the masking). */
function auditable(row: ComplaintRow) {
  const { complainantName: _name, complainantPhone: _phone, attachmentCount: _count, staffName: _staff, ...rest } = row;
  return rest;
}
