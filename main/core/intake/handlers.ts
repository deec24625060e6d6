import { applicationIdByCaseNumber } from '../../../db/applications.ts';
import { inTransaction } from '../../../db/connection.ts';
import { deleteDraft, getDraft, saveDraft } from '../../../db/intake-drafts.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import { applicationView, progressView } from './application-view.ts';
import type { intakeContract } from './contract.ts';
import { customerScreen } from './customer-screen.ts';
import { deferredLedgerView, markSupplied } from './deferred-ledger.ts';
import { dueList } from './due-list.ts';
import { hallToday } from '../hall/hall-today.ts';
import { existingCounter } from './intake-caller.ts';
import { asStaff, staffIdOf } from '../api/caller.ts';
import { planIntake, previewOf } from './intake-plan.ts';
import { searchView } from './search.ts';
import { pendingSignature, recordPaperSignature, requestSignature, sign, signatureStatus } from './signature.ts';
import { submitApplication } from './submit.ts';
import { changeWorkOrderStatus } from './work-order-status.ts';

/** A draft is a form, not a document store: a few KB normally, refused well before the request limit. */
const MAX_DRAFT_CHARS = 256 * 1024;

const staffScreens = ['clerk', 'manager', 'admin'] as const;

export function intakeHandlers(deps: CoreDeps): HandlersFor<typeof intakeContract> {
  const { db, clock, events } = deps;

  return {
    'intake/saveDraft'({ counterId, draft }, { caller }) {
      const staff = asStaff(caller);
      const json = JSON.stringify(draft);
      if (json.length > MAX_DRAFT_CHARS) fail('too_large', 'errors.tooLarge', { limitBytes: MAX_DRAFT_CHARS });
      const updatedAt = clock.now().toISOString();
      // Each save is its own committed transaction (synchronous=FULL): a power cut loses at most the keystroke in flight.
      inTransaction(db, () => {
        existingCounter(db, counterId);
        saveDraft(db, { staffId: staff.staffId, counterId, json, updatedAt });
      });
      return { updatedAt };
    },

    'intake/getDraft'({ counterId }, { caller }) {
      const row = getDraft(db, asStaff(caller).staffId, counterId);
      if (!row) return null;
      const draft = JSON.parse(row.json) as Record<string, unknown>;
      return { draft, updatedAt: row.updatedAt };
    },

    'intake/discardDraft'({ counterId }, { caller }) {
      deleteDraft(db, asStaff(caller).staffId, counterId);
      return {};
    },

    'intake/preview': ({ selection, fees, materials }) => previewOf(planIntake(db, hallToday(deps), selection, fees), materials),

    'intake/requestSignature': (input, { caller }) => requestSignature(deps, caller, input),
    'intake/customerScreen': ({ counterId }) => customerScreen(deps, counterId),
    'intake/recordPaperSignature': (input, { caller }) => recordPaperSignature(deps, caller, input),
    'intake/pendingSignature': (_input, { caller }) => pendingSignature(deps, caller),
    'intake/sign': (input, { caller }) => sign(deps, caller, input),
    'intake/signatureStatus': ({ requestId }) => signatureStatus(deps, requestId),

    'intake/submit'(input, { caller }) {
      const { applicationId, created } = submitApplication(deps, caller, input);
      const view = applicationView(deps, applicationId, { staffId: staffIdOf(caller), withSignature: false });
      if (created)
        events.emit('intake/submitted', { applicationId, counterId: input.counterId, caseNumbers: view.matters.map((m) => m.caseNumber) }, staffScreens);
      return view;
    },

    'intake/get'({ id, caseNumber, withSignature }, { caller }) {
      const applicationId = id ?? (caseNumber === undefined ? undefined : applicationIdByCaseNumber(db, caseNumber));
      if (applicationId === undefined) return fail('not_found', 'errors.intake.applicationNotFound');
      return applicationView(deps, applicationId, { staffId: staffIdOf(caller), withSignature });
    },

    'intake/progress': ({ token }) => progressView(deps, token),

    'intake/search': (input) => searchView(deps, input),

    'intake/overdue': (input) => dueList(deps, input),

    'intake/deferredLedger': (input) => deferredLedgerView(deps, input),

    'intake/markSupplied': ({ materialId, note }, { caller }) => markSupplied(deps, { materialId, note, staffId: staffIdOf(caller) }),

    'intake/setWorkOrderStatus'({ workOrderId, status, note }, { caller }) {
      const change = changeWorkOrderStatus(deps, { workOrderId, to: status, staffId: staffIdOf(caller), source: 'manager', note });
      return { workOrderId: change.workOrderId, from: change.from, to: change.to, at: change.at };
    },
  };
}
