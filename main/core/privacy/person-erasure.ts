import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { enqueueOutbox } from '../../../db/outbox.ts';
import { erasePersonData, type PersonData, personData } from '../../../db/retention.ts';
import { fail } from '../api/errors.ts';
import type { CoreDeps } from '../deps.ts';
import { addDays } from '../../../common/calendar-day.ts';
import { hallDay } from '../../../common/hall-time.ts';
import { hallTimeZone } from '../hall/time-zone.ts';
import type { ErasureBlock } from './contract.ts';
import { maskIdNumber } from './mask.ts';
import { readRetentionRules, shiftDay } from './retention-rules.ts';

export type Block = { reason: ErasureBlock; count: number; untilDay: string | null };

const blockKeys: Record<ErasureBlock, string> = {
  openApplication: 'errors.privacy.openApplication',
  waitingForUtility: 'errors.privacy.waitingForUtility',
  feeEvidence: 'errors.privacy.feeEvidence',
};

/**
 * What legally keeps a person's data (PIPL art. 47 allows refusing an erasure while another law
 * requires keeping it): an application still being worked, a copy its utility has not accepted
 * (the hall owes it the record), and a paid service's signed fee list within its retention
 * (明白消费: the signed list is archived as evidence) — until the day that retention ends.
 */
function blocksOf(deps: CoreDeps, data: PersonData): Block[] {
  const blocks: Block[] = [];
  if (data.openApplications > 0) blocks.push({ reason: 'openApplication', count: data.openApplications, untilDay: null });
  if (data.waitingCopies > 0) blocks.push({ reason: 'waitingForUtility', count: data.waitingCopies, untilDay: null });
  if (data.lastPaidClosedAt !== null) {
    const zone = hallTimeZone(deps.db);
    const closedDay = hallDay(new Date(data.lastPaidClosedAt), zone);
    const untilDay = addDays(shiftDay(closedDay, readRetentionRules(deps.db).signatures, 1), 1);
    if (untilDay > hallDay(deps.clock.now(), zone)) blocks.push({ reason: 'feeEvidence', count: 1, untilDay });
  }
  return blocks;
}

const countsOf = (data: PersonData) => ({
  customers: data.customerIds.length,
  applications: data.applications,
  ticketPhones: data.ticketPhones,
  signatures: data.signatures,
  outboxCopies: data.outboxCopies,
});

export function previewErasure(deps: CoreDeps, idNumber: string) {
  const data = personData(deps.db, idNumber);
  return {
    found: data.customerIds.length > 0,
    idMasked: maskIdNumber(idNumber) ?? '',
    counts: countsOf(data),
    utilities: data.sentTo.map((s) => s.utility),
    blocks: data.customerIds.length > 0 ? blocksOf(deps, data) : [],
  };
}

/**
 * Erases the person's data in one transaction, refused while anything blocks it, and asks each
 * utility that was sent it to erase its copies: an `erasure` record naming the work orders and
 * case numbers it holds, nothing about the person (docs/sync-protocol.md).
 */
export function erasePerson(deps: CoreDeps, idNumber: string, confirm: string, staffId: number | null) {
  if (confirm.toUpperCase() !== idNumber.slice(-4).toUpperCase())
    fail('validation', 'errors.validation', { fields: [{ path: 'confirm', key: 'field.confirmLastDigits' }] });
  return inTransaction(deps.db, () => {
    const data = personData(deps.db, idNumber);
    if (data.customerIds.length === 0) fail('not_found', 'errors.privacy.personNotFound');
    const [block] = blocksOf(deps, data);
    if (block) fail('conflict', blockKeys[block.reason], { count: block.count, untilDay: block.untilDay });
    const at = deps.clock.now().toISOString();
    erasePersonData(deps.db, data.customerIds, at);
    for (const sent of data.sentTo) {
      enqueueOutbox(deps.db, {
        utility: sent.utility,
        type: 'erasure',
        recordId: data.customerIds[0] ?? 0,
        at,
        data: { requestedAt: at, workOrderIds: sent.workOrderIds, caseNumbers: sent.caseNumbers },
      });
    }
    const idMasked = maskIdNumber(idNumber) ?? '';
    const counts = countsOf(data);
    const utilities = data.sentTo.map((s) => s.utility);
    auditChange(deps, staffId, {
      at,
      action: 'privacy.erasePerson',
      target: `customer:${data.customerIds.join(',')}`,
      before: { idMasked },
      after: { counts, utilities },
    });
    return { idMasked, counts, utilities };
  });
}
