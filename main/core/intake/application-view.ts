import { applicationIdByToken, getApplication, listApplicationMaterials, listMatters } from '../../../db/applications.ts';
import { auditChange } from '../audit/record.ts';
import { getCounter } from '../../../db/counters.ts';
import { getCustomer } from '../../../db/customers.ts';
import { getSetting } from '../../../db/settings.ts';
import { getSignatureRequest, signatureImage } from '../../../db/signature-requests.ts';
import { getStaffById } from '../../../db/staff.ts';
import { listStages, listWorkOrders } from '../../../db/work-orders.ts';
import { workOrderHistory } from './work-order-history.ts';
import { fail } from '../api/errors.ts';
import type { CoreDeps } from '../deps.ts';
import type { Names } from '../catalogue/catalogue.ts';
import { customerView } from '../customers/customer-records.ts';
import { encodeSignature } from './signature-image.ts';
import type { StoredSnapshot } from './submit.ts';
import type { ApplicationView, ProgressView } from './views.ts';

const progressPath = (token: string): string => `/p/${token}`;

function loadSnapshot(json: string): StoredSnapshot {
  const snapshot = JSON.parse(json) as StoredSnapshot;
  return snapshot;
}

const namesIn = (snapshot: StoredSnapshot) => {
  const business = new Map(snapshot.businesses.map((b) => [b.code, b.names]));
  const utility = new Map(snapshot.businesses.map((b) => [b.utility, b.utilityNames]));
  const unknown: Names = { zh: '', en: '' };
  return { business: (code: string) => business.get(code) ?? unknown, utility: (code: string) => utility.get(code) ?? unknown };
};

const recorderOf = (db: CoreDeps['db'], staffId: number | null) => {
  const staff = staffId === null ? undefined : getStaffById(db, staffId);
  return staff ? { name: staff.name, workNo: staff.workNo } : null;
};

/**
 * The application as the receipt (受理回执) prints it. The signature image is personal data:
 * it is included only when asked for, and each time it is, the viewing is written to the audit log.
 */
export function applicationView(
  deps: Pick<CoreDeps, 'db' | 'clock'>,
  applicationId: number,
  viewer: { staffId: number | null; withSignature: boolean },
): ApplicationView {
  const { db } = deps;
  const app = getApplication(db, applicationId) ?? fail('not_found', 'errors.intake.applicationNotFound');
  const snapshot = loadSnapshot(app.snapshot);
  const names = namesIn(snapshot);
  const customer = getCustomer(db, app.customerId) ?? fail('not_found', 'errors.intake.customerNotFound');
  const staff = getStaffById(db, app.staffId);
  const counter = getCounter(db, app.counterId);
  const matters = listMatters(db, applicationId);
  const caseOf = new Map(matters.map((m) => [m.id, m.caseNumber]));
  const stages = listStages(db, applicationId);
  const history = workOrderHistory(db, applicationId);
  const signature = getSignatureRequest(db, app.signatureRequestId);
  let image: string | null = null;
  if (viewer.withSignature) {
    const bytes = signatureImage(db, app.signatureRequestId);
    image = bytes ? encodeSignature(bytes) : null;
    auditChange(deps, viewer.staffId, { at: deps.clock.now().toISOString(), action: 'intake.viewSignature', target: `application:${app.id}` });
  }
  return {
    id: app.id,
    progressPath: progressPath(app.publicToken),
    submittedAt: app.submittedAt,
    acceptedOn: app.day,
    catalogueVersion: app.catalogueVersion,
    bundle: snapshot.bundle,
    ticketId: app.ticketId,
    hallName: getSetting(db, 'hall.name') ?? '',
    staff: { id: app.staffId, name: staff?.name ?? '', workNo: staff?.workNo ?? '' },
    counter: { id: app.counterId, number: counter?.number ?? 0, name: counter?.name ?? '' },
    customer: { ...customerView(customer), kind: snapshot.customer.kind, name: snapshot.customer.name },
    matters: matters.map((m) => ({
      caseNumber: m.caseNumber,
      utility: m.utility,
      utilityNames: names.utility(m.utility),
      business: m.businessCode,
      businessNames: names.business(m.businessCode),
      accountNo: m.accountNo,
      dueDay: m.dueDay,
    })),
    workOrders: listWorkOrders(db, applicationId).map((w) => ({
      id: w.id,
      utility: w.utility,
      utilityNames: names.utility(w.utility),
      status: w.status,
      dueDay: w.dueDay,
      caseNumbers: matters.filter((m) => m.utility === w.utility).map((m) => m.caseNumber),
      stages: stages
        .filter((s) => s.workOrderId === w.id)
        .map((s) => ({
          caseNumber: caseOf.get(s.matterId) ?? '',
          code: s.code,
          names: { zh: s.nameZh, en: s.nameEn },
          limitWorkingDays: s.limitWorkingDays,
          dueDay: s.dueDay,
          completedAt: s.completedAt,
        })),
      history: (history.get(w.id) ?? []).map(({ from, to, at, note, utilityAt }) => ({ from, to, at, note, utilityAt })),
    })),
    materials: listApplicationMaterials(db, applicationId).map((m) => ({
      id: m.id,
      code: m.code,
      names: { zh: m.nameZh, en: m.nameEn },
      state: m.state,
      promisedDate: m.promisedDate,
      suppliedAt: m.suppliedAt,
    })),
    fees: snapshot.fees,
    feeHash: app.feeHash,
    signature: { signedAt: signature?.signedAt ?? '', image, kind: signature?.kind ?? 'screen', recordedBy: recorderOf(db, signature?.recordedBy ?? null) },
  };
}

/** The public progress page: what stands where and by when, nothing that names or identifies the customer. */
export function progressView(deps: Pick<CoreDeps, 'db'>, token: string): ProgressView {
  const { db } = deps;
  const applicationId = applicationIdByToken(db, token) ?? fail('not_found', 'errors.intake.applicationNotFound');
  const app = getApplication(db, applicationId) ?? fail('not_found', 'errors.intake.applicationNotFound');
  const names = namesIn(loadSnapshot(app.snapshot));
  const matters = listMatters(db, applicationId);
  const stages = listStages(db, applicationId);
  const history = workOrderHistory(db, applicationId);
  return {
    submittedAt: app.submittedAt,
    acceptedOn: app.day,
    workOrders: listWorkOrders(db, applicationId).map((w) => ({
      utility: w.utility,
      utilityNames: names.utility(w.utility),
      status: w.status,
      dueDay: w.dueDay,
      matters: matters
        .filter((m) => m.utility === w.utility)
        .map((m) => ({ caseNumber: m.caseNumber, businessNames: names.business(m.businessCode), dueDay: m.dueDay })),
      stages: stages
        .filter((s) => s.workOrderId === w.id)
        .map((s) => ({ names: { zh: s.nameZh, en: s.nameEn }, dueDay: s.dueDay, completedAt: s.completedAt })),
      history: (history.get(w.id) ?? []).map((h) => ({ status: h.to, at: h.at, utilityAt: h.utilityAt, note: h.source === 'sync' ? h.note : null })),
    })),
    deferredMaterials: listApplicationMaterials(db, applicationId)
      .filter((m) => m.state === 'deferred' && m.promisedDate !== null)
      .map((m) => ({ names: { zh: m.nameZh, en: m.nameEn }, promisedDate: m.promisedDate ?? '', supplied: m.suppliedAt !== null })),
  };
}
