import { getApplicationMaterial, markMaterialSupplied } from '../../../db/applications.ts';
import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { deferredLedger } from '../../../db/deferred-materials.ts';
import { listWorkOrders } from '../../../db/work-orders.ts';
import { fail } from '../api/errors.ts';
import type { CoreDeps } from '../deps.ts';
import { queueWorkOrder } from '../sync/work-order-record.ts';
import { maskPhone } from '../privacy/mask.ts';
import type { Day } from '../../../common/calendar-day.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { hallToday } from '../hall/hall-today.ts';
import type { LedgerRow } from './views.ts';
import { workingDaysBetween } from '../calendar/working-days.ts';

/**
 * The ledger of deferred materials (容缺材料台账): what each customer promised to bring and by
 * when. `remind` marks those due within the reminder window, so the clerk rings the customer
 * before the date rather than after it; `overdue` those past it.
 */
export function deferredLedgerView(
  deps: Pick<CoreDeps, 'db' | 'clock'>,
  input: { which: 'outstanding' | 'supplied' | 'all'; remindBeforeWorkingDays: number; page: number; pageSize: number },
): { today: Day; rows: LedgerRow[]; total: number } {
  const today = hallToday(deps);
  const calendar = loadCalendar(deps.db);
  const { rows, total } = deferredLedger(deps.db, { which: input.which, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  return {
    today,
    total,
    rows: rows.map((r) => {
      const open = r.suppliedAt === null;
      const overdue = open && r.promisedDate < today;
      return {
        materialId: r.materialId,
        applicationId: r.applicationId,
        caseNumbers: r.caseNumbers.split(','),
        customerName: r.customerName,
        phoneMasked: maskPhone(r.phone) ?? '',
        code: r.code,
        names: { zh: r.nameZh, en: r.nameEn },
        promisedDate: r.promisedDate,
        suppliedAt: r.suppliedAt,
        overdue,
        remind: open && !overdue && workingDaysBetween(today, r.promisedDate, calendar) <= input.remindBeforeWorkingDays,
      };
    }),
  };
}

export function markSupplied(deps: Pick<CoreDeps, 'db' | 'clock'>, input: { materialId: number; note?: string | undefined; staffId: number | null }) {
  const { db } = deps;
  return inTransaction(db, () => {
    const material = getApplicationMaterial(db, input.materialId) ?? fail('not_found', 'errors.intake.materialNotFound');
    if (material.state !== 'deferred') fail('conflict', 'errors.intake.materialNotDeferred');
    if (material.suppliedAt !== null) fail('conflict', 'errors.intake.materialAlreadySupplied');
    const at = deps.clock.now().toISOString();
    markMaterialSupplied(db, material.id, at, input.staffId);
    // Each utility's record lists the file's deferred materials: each learns it is complete.
    for (const order of listWorkOrders(db, material.applicationId)) queueWorkOrder(db, order.id, at);
    auditChange(deps, input.staffId, {
      at,
      action: 'intake.markSupplied',
      target: `applicationMaterial:${material.id}`,
      before: { suppliedAt: null },
      after: { applicationId: material.applicationId, code: material.code, suppliedAt: at, note: input.note ?? null },
    });
    return { materialId: material.id, suppliedAt: at };
  });
}
