import type { Db, ReadDb } from './connection.ts';
import { query, querySingle, run, sql, type Sql } from './sql.ts';
import { parseJsonColumn, stringList } from './json-columns.ts';

/**
 * Erasing personal data whose time is up (docs/privacy.md), and one person's data on request.
 * Only personal fields are blanked: the rows stay, so counts, times, categories and ratings in
 * the reports still add up. Each function takes the instant before which records are due; what
 * is still open or not yet accepted by its utility is never touched.
 */

// An application is open while one of its work orders is; it closed when its last one did.
const OPEN_ORDER = sql`SELECT 1 FROM work_orders w WHERE w.application_id = a.id AND w.status IN ('accepted', 'dispatched', 'taken')`;
const CLOSED_AT = sql`coalesce((SELECT max(w.updated_at) FROM work_orders w WHERE w.application_id = a.id), a.submitted_at)`;
// A copy the utility has not accepted yet: waiting, in a batch not answered, or refused and awaiting the manager.
const UNACCEPTED_COPY = sql`SELECT 1 FROM sync_outbox o JOIN work_orders w ON o.type = 'workOrder' AND o.record_id = CAST(w.id AS TEXT)
  WHERE w.application_id = a.id AND o.state IN ('pending', 'sending', 'rejected')`;

/** Tickets' phones (for the "your turn" SMS) and masked IDs, and booked visits' phones, of days up to `lastDay`. */
export function eraseTicketPhones(db: Db, lastDay: string, before: string): number {
  const tickets = run(
    db,
    sql`UPDATE tickets SET phone = NULL, id_masked = NULL WHERE day <= ${lastDay} AND (phone IS NOT NULL OR id_masked IS NOT NULL)`,
  ).changes;
  const appointments = run(db, sql`UPDATE appointments SET phone = NULL WHERE slot_end < ${before} AND phone IS NOT NULL`).changes;
  return tickets + appointments;
}

/**
 * Signature images (the fee evidence) of applications closed before `before` whose copies
 * every utility accepted, and of signatures
 * no application used, signed before it. The row keeps `signed` with an empty image, so the
 * record that the customer signed remains. A customer signs before the application is
 * submitted, so one closed before `before` was signed before it too: that bound lets the
 * signature_requests_kept index (migration 0020) read only the old ones.
 */
export function eraseSignatures(db: Db, before: string, at: string): number {
  return run(
    db,
    sql`UPDATE signature_requests SET image = X'', image_erased_at = ${at}
      WHERE status = 'signed' AND image_erased_at IS NULL AND signed_at < ${before} AND (
        id IN (SELECT a.signature_request_id FROM applications a WHERE NOT EXISTS (${OPEN_ORDER}) AND NOT EXISTS (${UNACCEPTED_COPY}) AND ${CLOSED_AT} < ${before})
        OR NOT EXISTS (SELECT 1 FROM applications a WHERE a.signature_request_id = signature_requests.id))`,
  ).changes;
}

/**
 * Customers not seen since `before` whose every application closed before it, with no copy
 * waiting for a utility and no follow-up visit still to make.
 */
export function customersDue(db: Db, before: string): number[] {
  return query<{ id: number }>(
    db,
    sql`SELECT c.id FROM customers c
        WHERE c.erased_at IS NULL AND c.updated_at < ${before}
          AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.customer_id = c.id AND (EXISTS (${OPEN_ORDER}) OR ${CLOSED_AT} >= ${before} OR EXISTS (${UNACCEPTED_COPY})))
          AND NOT EXISTS (SELECT 1 FROM follow_up_tasks f WHERE f.customer_id = c.id AND f.state = 'open')
        ORDER BY c.id`,
  ).map((r) => r.id);
}

/**
 * Blanks a customer: name, ID number (kept unique as `erased:<id>`), phone, contact, address,
 * the accounts held and the name in their applications' snapshots. The kind stays (reports
 * count persons and enterprises).
 */
export function anonymiseCustomer(db: Db, customerId: number, at: string): void {
  run(
    db,
    sql`UPDATE customers SET name = '', id_number = 'erased:' || id, phone = '', contact_name = NULL, address = NULL, erased_at = ${at}, updated_at = ${at} WHERE id = ${customerId}`,
  );
  run(db, sql`DELETE FROM customer_accounts WHERE customer_id = ${customerId}`);
  run(db, sql`UPDATE applications SET snapshot = json_set(snapshot, '$.customer.name', '') WHERE customer_id = ${customerId} AND json_valid(snapshot)`);
  run(db, sql`UPDATE application_matters SET account_no = NULL WHERE application_id IN (SELECT id FROM applications WHERE customer_id = ${customerId})`);
}

const stripCustomer = (at: string): Sql =>
  sql`data = json_set(data, '$.customer', json_object('kind', json_extract(data, '$.customer.kind'), 'erased', json('true'))), personal_erased_at = ${at}`;

/**
 * Work order copies (the customer's name, ID, phone and address as sent) accepted by their
 * utility before `before`, and superseded ones never sent since: the customer is cut down to
 * its kind. What is waiting, in an unanswered batch or refused is left as it is.
 */
export function stripOutboxCopies(db: Db, before: string, at: string): number {
  return run(
    db,
    sql`UPDATE sync_outbox SET ${stripCustomer(at)}
      WHERE type = 'workOrder' AND personal_erased_at IS NULL AND json_valid(data)
        AND ((state = 'accepted' AND answered_at < ${before}) OR (state = 'superseded' AND coalesce(answered_at, queued_at) < ${before}))`,
  ).changes;
}

export type DueDrop = { batchId: string; utility: string; outDir: string };

/** Folder drops whose batch the utility answered before `before`, not removed yet. */
export function dropsDue(db: ReadDb, before: string): DueDrop[] {
  return query<DueDrop>(
    db,
    sql`SELECT b.id AS batchId, b.utility, c.out_dir AS outDir FROM sync_batches b JOIN sync_connectors c ON c.utility = b.utility
      WHERE b.state = 'answered' AND b.answered_at < ${before} AND b.drop_removed_at IS NULL AND c.kind = 'folder' AND c.out_dir IS NOT NULL
      ORDER BY b.answered_at`,
  );
}

export function markDropRemoved(db: Db, batchId: string, at: string): void {
  run(db, sql`UPDATE sync_batches SET drop_removed_at = ${at} WHERE id = ${batchId}`);
}

// ---------------------------------------------------------------- one person, on request

// `ids` is a JSON array of the person's customer ids (one per ID type they were recorded under).
const ofPerson = (ids: string): Sql => sql`a.customer_id IN (SELECT value FROM json_each(${ids}))`;
const ofPersonApplications = (ids: string): Sql => sql`SELECT a.id FROM applications a WHERE ${ofPerson(ids)}`;

export type PersonData = {
  customerIds: number[];
  applications: number;
  ticketPhones: number;
  signatures: number;
  outboxCopies: number;
  /** Applications with a work order still open. */
  openApplications: number;
  /** Copies of their work orders a utility has not accepted yet. */
  waitingCopies: number;
  /** When the newest paid application closed (its signed fee list is evidence), if any. */
  lastPaidClosedAt: string | null;
  /** The utilities that were sent their data, with the work orders they hold. */
  sentTo: { utility: string; workOrderIds: number[]; caseNumbers: string[] }[];
};

/** What the hall holds about the person with this ID number (any ID type), not yet erased. */
export function personData(db: Db, idNumber: string): PersonData {
  const customerIds = query<{ id: number }>(db, sql`SELECT id FROM customers WHERE id_number = ${idNumber} AND erased_at IS NULL ORDER BY id`).map((r) => r.id);
  const ids = JSON.stringify(customerIds);
  const OF_PERSON = ofPerson(ids);
  const one = (q: Sql): number => querySingle<{ n: number }>(db, q).n;
  const sent = query<{ utility: string; workOrderId: number; cases: string }>(
    db,
    sql`SELECT o.utility, w.id AS workOrderId, (SELECT json_group_array(m.case_number) FROM application_matters m WHERE m.application_id = a.id AND m.utility = o.utility) AS cases
       FROM sync_outbox o JOIN work_orders w ON o.type = 'workOrder' AND o.record_id = CAST(w.id AS TEXT) JOIN applications a ON a.id = w.application_id
      WHERE ${OF_PERSON} AND o.batch_id IS NOT NULL GROUP BY o.utility, w.id ORDER BY o.utility, w.id`,
  );
  const sentTo = new Map<string, { utility: string; workOrderIds: number[]; caseNumbers: string[] }>();
  for (const row of sent) {
    const entry = sentTo.get(row.utility) ?? { utility: row.utility, workOrderIds: [], caseNumbers: [] };
    entry.workOrderIds.push(row.workOrderId);
    entry.caseNumbers.push(...parseJsonColumn(stringList, row.cases));
    sentTo.set(row.utility, entry);
  }
  const lastPaid = querySingle<{ at: string | null }>(db, sql`SELECT max(${CLOSED_AT}) AS at FROM applications a WHERE ${OF_PERSON} AND a.total_fen > 0`);
  return {
    customerIds,
    applications: one(sql`SELECT count(*) AS n FROM applications a WHERE ${OF_PERSON}`),
    ticketPhones: one(
      sql`SELECT count(*) AS n FROM tickets t WHERE t.id IN (SELECT a.ticket_id FROM applications a WHERE ${OF_PERSON}) AND (t.phone IS NOT NULL OR t.id_masked IS NOT NULL)`,
    ),
    signatures: one(
      sql`SELECT count(*) AS n FROM signature_requests s JOIN applications a ON a.signature_request_id = s.id WHERE ${OF_PERSON} AND s.status = 'signed' AND s.image_erased_at IS NULL`,
    ),
    outboxCopies: one(
      sql`SELECT count(*) AS n FROM sync_outbox o JOIN work_orders w ON o.type = 'workOrder' AND o.record_id = CAST(w.id AS TEXT) JOIN applications a ON a.id = w.application_id WHERE ${OF_PERSON} AND o.personal_erased_at IS NULL`,
    ),
    openApplications: one(sql`SELECT count(*) AS n FROM applications a WHERE ${OF_PERSON} AND EXISTS (${OPEN_ORDER})`),
    waitingCopies: one(
      sql`SELECT count(*) AS n FROM sync_outbox o JOIN work_orders w ON o.type = 'workOrder' AND o.record_id = CAST(w.id AS TEXT) JOIN applications a ON a.id = w.application_id WHERE ${OF_PERSON} AND o.state IN ('pending', 'sending', 'rejected')`,
    ),
    lastPaidClosedAt: lastPaid.at,
    sentTo: [...sentTo.values()],
  };
}

/** Everything `personData` counted, erased; call inside the erasure's transaction once nothing blocks it. */
export function erasePersonData(db: Db, customerIds: readonly number[], at: string): void {
  const ids = JSON.stringify(customerIds);
  run(db, sql`UPDATE tickets SET phone = NULL, id_masked = NULL WHERE id IN (SELECT a.ticket_id FROM applications a WHERE ${ofPerson(ids)})`);
  run(
    db,
    sql`UPDATE signature_requests SET image = X'', image_erased_at = ${at} WHERE status = 'signed' AND image_erased_at IS NULL AND id IN (SELECT a.signature_request_id FROM applications a WHERE ${ofPerson(ids)})`,
  );
  run(
    db,
    sql`UPDATE sync_outbox SET ${stripCustomer(at)}
      WHERE type = 'workOrder' AND personal_erased_at IS NULL AND json_valid(data)
        AND record_id IN (SELECT CAST(w.id AS TEXT) FROM work_orders w WHERE w.application_id IN (${ofPersonApplications(ids)}))`,
  );
  for (const id of customerIds) anonymiseCustomer(db, id, at);
}
