import { randomUUID } from 'node:crypto';
import { insertApplication, insertMatter } from '../../../db/applications.ts';
import { insertCustomer } from '../../../db/customers.ts';
import { insertSignatureRequest, markSigned } from '../../../db/signature-requests.ts';
import { insertTicket } from '../../../db/tickets.ts';
import { currentCatalogue } from '../catalogue/catalogue-store.ts';
import type { IntakeHall } from '../intake/intake-testing.ts';

/**
 * Records seeded straight into the hall's database at the times a retention test needs (the
 * intake flow would stamp them with the clock's now). For tests only: nothing in the app imports this.
 */
export type Seeded = { customerId: number; applicationId: number; signatureId: number; workOrderId: number; ticketId: number };

let serial = 0;

export function seedTicket(hall: IntakeHall, day: string, phone: string | null = '13912345678'): number {
  serial += 1;
  return insertTicket(hall.db, {
    day,
    categoryId: 1,
    seq: serial,
    number: `A${String(serial).padStart(3, '0')}`,
    priority: 'normal',
    token: `tk-${serial}-${randomUUID()}`,
    phone,
    idMasked: phone === null ? null : '110105********0021',
    issuedAt: `${day}T01:00:00.000Z`,
    queuedAt: `${day}T01:00:00.000Z`,
  }).id;
}

/**
 * A customer with one application of one work order for `utility`, submitted at `submittedAt`,
 * signed, and — unless `status` is open — closed (its work order last changed) at `closedAt`.
 */
export function seedApplication(
  hall: IntakeHall,
  s: {
    idNumber: string;
    submittedAt: string;
    closedAt: string;
    status?: 'accepted' | 'taken' | 'completed' | 'returned';
    totalFen?: number;
    utility?: string;
    customerId?: number;
    ticketPhone?: string;
  },
): Seeded {
  const db = hall.db;
  currentCatalogue(db);
  serial += 1;
  const customerId =
    s.customerId ??
    insertCustomer(db, {
      kind: 'person',
      name: '王芳',
      idType: 'residentId',
      idNumber: s.idNumber,
      contactName: '李强',
      phone: '13912345678',
      address: '幸福路 8 号',
      now: s.submittedAt,
    });
  db.prepare('INSERT INTO customer_accounts (customer_id, utility, account_no) VALUES (?, ?, ?)').run(customerId, s.utility ?? 'gas', `ACC-${serial}`);
  const signatureId = insertSignatureRequest(db, {
    token: `sig-${serial}`,
    counterId: hall.counterId,
    staffId: hall.clerkId,
    feeHash: 'h',
    feeJson: '{}',
    createdAt: s.submittedAt,
  });
  markSigned(db, signatureId, { image: Buffer.from('png-bytes'), signedAt: s.submittedAt, deviceId: hall.rateDeviceId });
  const ticketId = seedTicket(hall, s.submittedAt.slice(0, 10), s.ticketPhone ?? null);
  const applicationId = insertApplication(db, {
    publicToken: `pt-${serial}`,
    idempotencyKey: `key-${serial}`,
    customerId,
    catalogueVersion: 1,
    bundleCode: null,
    ticketId,
    staffId: hall.clerkId,
    counterId: hall.counterId,
    day: s.submittedAt.slice(0, 10),
    submittedAt: s.submittedAt,
    feeHash: 'h',
    totalFen: s.totalFen ?? 0,
    signatureRequestId: signatureId,
    snapshot: JSON.stringify({ customer: { kind: 'person', name: '王芳' } }),
  });
  const utility = s.utility ?? 'gas';
  insertMatter(db, {
    applicationId,
    caseNumber: `G${serial}`,
    utility,
    businessCode: 'newConnection',
    accountNo: `ACC-${serial}`,
    dueDay: s.submittedAt.slice(0, 10),
  });
  const status = s.status ?? 'completed';
  const workOrderId = Number(
    db
      .prepare('INSERT INTO work_orders (application_id, utility, status, due_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(applicationId, utility, status, s.submittedAt.slice(0, 10), s.submittedAt, status === 'accepted' || status === 'taken' ? s.submittedAt : s.closedAt)
      .lastInsertRowid,
  );
  return { customerId, applicationId, signatureId, workOrderId, ticketId };
}

/** A copy of a work order in the outbox, in the state and at the answer time given. */
export function seedCopy(
  hall: IntakeHall,
  workOrderId: number,
  c: { state: 'pending' | 'sending' | 'accepted' | 'rejected' | 'superseded'; queuedAt: string; answeredAt?: string; utility?: string; version?: number },
): number {
  const batchId = c.state === 'pending' || (c.state === 'superseded' && c.answeredAt === undefined) ? null : randomUUID();
  const data = JSON.stringify({
    status: 'completed',
    customer: {
      kind: 'person',
      name: '王芳',
      idType: 'residentId',
      idNumber: '110105199003070021',
      contactName: null,
      phone: '13912345678',
      address: '幸福路 8 号',
    },
    matters: [],
  });
  return Number(
    hall.db
      .prepare('INSERT INTO sync_outbox (utility, type, record_id, version, data, queued_at, state, batch_id, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(c.utility ?? 'gas', 'workOrder', String(workOrderId), c.version ?? 1, data, c.queuedAt, c.state, batchId, c.answeredAt ?? null).lastInsertRowid,
  );
}
