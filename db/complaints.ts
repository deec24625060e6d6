import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, querySingle, run, sql } from './sql.ts';
import { type Camel, camelRow } from './camel-row.ts';
import type { Row } from './tables.ts';

/** The complaint ledger (投诉台账), migration 0006. Personal data leaves the core masked. */
export type ComplaintChannel = 'window' | 'hotline12345' | 'hotline12319' | 'utilityHotline' | 'web' | 'letter';
export type ComplaintState = 'registered' | 'investigating' | 'replied' | 'closed';
export type ReplyMethod = 'phone' | 'sms' | 'visit' | 'inPerson' | 'letter' | 'platform';

type Raw = Row<'complaints'> & { staff_name: string | null; attachment_count: number };

/** A complaint as the ledger lists it: who investigated, replied, closed and published is written (updateComplaint), not read back. */
export type ComplaintRow = Omit<Camel<Raw>, 'investigatedBy' | 'repliedBy' | 'closedBy' | 'publishedBy'>;

const SELECT = sql`SELECT c.*, s.name AS staff_name,
  (SELECT count(*) FROM complaint_attachments a WHERE a.complaint_id = c.id) AS attachment_count
  FROM complaints c LEFT JOIN staff s ON s.id = c.staff_id`;

const toRow = ({
  investigated_by: _investigatedBy,
  replied_by: _repliedBy,
  closed_by: _closedBy,
  published_by: _publishedBy,
  ...complaint
}: Raw): ComplaintRow => camelRow(complaint);

export type NewComplaint = Pick<
  ComplaintRow,
  | 'channel'
  | 'externalRef'
  | 'complainantName'
  | 'complainantPhone'
  | 'utility'
  | 'staffId'
  | 'caseNumber'
  | 'content'
  | 'receivedAt'
  | 'receivedDay'
  | 'dueDay'
  | 'registeredAt'
  | 'registeredBy'
>;

export function insertComplaint(db: Db, c: NewComplaint): number {
  return Number(
    run(
      db,
      sql`INSERT INTO complaints (channel, external_ref, complainant_name, complainant_phone, utility, staff_id, case_number, content,
           received_at, received_day, due_day, registered_at, registered_by, updated_at)
         VALUES (${c.channel}, ${c.externalRef}, ${c.complainantName}, ${c.complainantPhone}, ${c.utility}, ${c.staffId}, ${c.caseNumber}, ${c.content},
           ${c.receivedAt}, ${c.receivedDay}, ${c.dueDay}, ${c.registeredAt}, ${c.registeredBy}, ${c.registeredAt})`,
    ).lastInsertRowid,
  );
}

export function getComplaint(db: ReadDb, id: number): ComplaintRow | undefined {
  const raw = queryOne<Raw>(db, sql`${SELECT} WHERE c.id = ${id}`);
  return raw && toRow(raw);
}

export type ComplaintFilter = { fromDay?: string | undefined; toDay?: string | undefined; state?: ComplaintState | 'open' | undefined; limit: number };

/** Newest first; days are received days, inclusive. */
export function listComplaints(db: ReadDb, filter: ComplaintFilter): ComplaintRow[] {
  const fromDay = filter.fromDay ?? null;
  const toDay = filter.toDay ?? null;
  const state = filter.state ?? null;
  return query<Raw>(
    db,
    sql`${SELECT} WHERE (${fromDay} IS NULL OR c.received_day >= ${fromDay}) AND (${toDay} IS NULL OR c.received_day <= ${toDay})
           AND (${state} IS NULL OR c.state = ${state} OR (${state} = 'open' AND c.state <> 'closed'))
         ORDER BY c.received_at DESC, c.id DESC LIMIT ${filter.limit}`,
  ).map(toRow);
}

/** The fields each step of the ledger writes; only those given change. */
export type ComplaintChanges = Partial<{
  state: ComplaintState;
  investigation: string;
  investigatedAt: string;
  investigatedBy: number | null;
  measures: string | null;
  replyDay: string;
  replyMethod: ReplyMethod;
  replyContent: string;
  repliedAt: string;
  repliedBy: number | null;
  accountability: string | null;
  closedAt: string;
  closedDay: string;
  closedBy: number | null;
  publication: string;
  publishedAt: string;
  publishedBy: number | null;
}>;

/** Writes every step column at once, the given changes over what the row holds: one fixed statement, values bound. */
export function updateComplaint(db: Db, id: number, changes: ComplaintChanges, now: string): void {
  const current = queryOne<Record<keyof ComplaintChanges, unknown>>(
    db,
    sql`SELECT state, investigation, investigated_at AS investigatedAt, investigated_by AS investigatedBy, measures, reply_day AS replyDay,
         reply_method AS replyMethod, reply_content AS replyContent, replied_at AS repliedAt, replied_by AS repliedBy, accountability,
         closed_at AS closedAt, closed_day AS closedDay, closed_by AS closedBy, publication, published_at AS publishedAt, published_by AS publishedBy
       FROM complaints WHERE id = ${id}`,
  );
  if (!current) return;
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  db.prepare(
    `UPDATE complaints SET state = @state, investigation = @investigation, investigated_at = @investigatedAt, investigated_by = @investigatedBy,
       measures = @measures, reply_day = @replyDay, reply_method = @replyMethod, reply_content = @replyContent, replied_at = @repliedAt,
       replied_by = @repliedBy, accountability = @accountability, closed_at = @closedAt, closed_day = @closedDay, closed_by = @closedBy,
       publication = @publication, published_at = @publishedAt, published_by = @publishedBy, updated_at = @now
     WHERE id = @id`,
  ).run({ ...current, ...given, now, id });
}

export type ComplaintCounts = { opened: number; closed: number; sameDayCleared: number; closedOverdue: number; openOverdue: number };

/**
 * The period's figures, days inclusive: opened = received in the period; closed = closed in
 * it; same-day cleared (日清日结) = received in the period and closed on the day received;
 * closed overdue = closed in the period after the due day; open overdue = still open at the
 * end of the period and past due by then.
 */
export function countComplaints(db: ReadDb, fromDay: string, toDay: string): ComplaintCounts {
  return querySingle<ComplaintCounts>(
    db,
    sql`SELECT
         (SELECT count(*) FROM complaints WHERE received_day BETWEEN ${fromDay} AND ${toDay}) AS opened,
         (SELECT count(*) FROM complaints WHERE closed_day BETWEEN ${fromDay} AND ${toDay}) AS closed,
         (SELECT count(*) FROM complaints WHERE received_day BETWEEN ${fromDay} AND ${toDay} AND closed_day = received_day) AS sameDayCleared,
         (SELECT count(*) FROM complaints WHERE closed_day BETWEEN ${fromDay} AND ${toDay} AND closed_day > due_day) AS closedOverdue,
         (SELECT count(*) FROM complaints WHERE received_day <= ${toDay} AND (closed_day IS NULL OR closed_day > ${toDay}) AND due_day < ${toDay}) AS openOverdue`,
  );
}

export type AttachmentMeta = { id: number; complaintId: number; fileName: string; mime: string; sizeBytes: number; addedAt: string; addedBy: number | null };

export function insertAttachment(db: Db, a: Omit<AttachmentMeta, 'id' | 'sizeBytes'> & { data: Uint8Array }): number {
  return Number(
    run(
      db,
      sql`INSERT INTO complaint_attachments (complaint_id, file_name, mime, size_bytes, data, added_at, added_by) VALUES (${a.complaintId}, ${a.fileName}, ${a.mime}, ${a.data.byteLength}, ${Buffer.from(a.data)}, ${a.addedAt}, ${a.addedBy})`,
    ).lastInsertRowid,
  );
}

const META = sql`SELECT id, complaint_id AS complaintId, file_name AS fileName, mime, size_bytes AS sizeBytes, added_at AS addedAt, added_by AS addedBy FROM complaint_attachments`;

export function listAttachments(db: ReadDb, complaintId: number): AttachmentMeta[] {
  return query<AttachmentMeta>(db, sql`${META} WHERE complaint_id = ${complaintId} ORDER BY id`);
}

export function getAttachment(db: ReadDb, id: number): (AttachmentMeta & { data: Buffer }) | undefined {
  return queryOne<AttachmentMeta & { data: Buffer }>(
    db,
    sql`SELECT id, complaint_id AS complaintId, file_name AS fileName, mime, size_bytes AS sizeBytes, added_at AS addedAt, added_by AS addedBy, data FROM complaint_attachments WHERE id = ${id}`,
  );
}
