import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApiError } from '../../main/core/api/errors.ts';
import type { ApplicationView } from '../../main/core/intake/views.ts';
import { bridge } from '../api/bridge.ts';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { BusinessPicker, chosenCodes, chosenUtilities } from './BusinessPicker.tsx';
import { CustomerSection, customerProblems } from './CustomerSection.tsx';
import { DeadlinesTable } from './DeadlinesSection.tsx';
import { FeeTable } from './FeeTable.tsx';
import { accountsOf, customerOf, decisionsOf, feesOf, hasSelection, selectionOf } from './form-state.ts';
import { MaterialsSection } from './MaterialsSection.tsx';
import { useNames } from './names.ts';
import { hallDateTime, hallNow } from '../shared/hall-clock.ts';
import { useInterval } from '../queue/use-interval.ts';
import { withKnownConditions } from './known-conditions.ts';
import { PaperSheet, printPaperSheet } from './PaperSheet.tsx';
import { printPage } from '../queue/print.ts';
import { isSigned, SignatureBar, signatureState, withScreen } from './SignatureBar.tsx';
import { receiptPath, SubmittedPanel } from './SubmittedPanel.tsx';
import { useIntakeDraft } from './use-intake-draft.ts';
import { usePreview } from './use-preview.ts';
import { useSignatureStatus } from './use-signature.ts';
import './intake.css';

/** How often the counter asks again whether its customer screen is bound (a binding sends no event). */
const SCREEN_RECHECK_MS = 15_000;

/** The form's own refusal, before anything is sent, shown like a server's. */
const localError = (messageKey: string): ApiError => ({ code: 'validation', messageKey });

/**
 * The joint window's one intake form (受理): the customer once, businesses across utilities or
 * a bundle, the materials once, the itemised fees, the deadlines, the customer's signature on
 * the counter's customer screen, and the submission that gives a case number per matter.
 * Saved as a draft while the clerk types; keyboard: Alt+S asks for the signature, Ctrl+Enter submits.
 */
export function IntakeForm({ counterId, ticketId, active }: { counterId: number; ticketId: number | undefined; active: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const name = useNames();
  const catalogue = useQuery('catalogue/current', {});
  const { draft, update, reset, discard, save, savedAt } = useIntakeDraft(counterId);
  const { preview, error: previewError, refresh } = usePreview(draft);
  const signature = useSignatureStatus(draft?.signatureRequestId ?? null);
  const request = useMutation('intake/requestSignature');
  const submit = useMutation('intake/submit');
  const recordPaper = useMutation('intake/recordPaperSignature');
  // Whether the counter's customer screen can take the signature; a binding made meanwhile is seen within the interval.
  const screen = useQuery('intake/customerScreen', { counterId }, { refreshOn: ['devices/presence'] });
  useInterval(() => screen.reload(), SCREEN_RECHECK_MS);
  /** The fee hash of the 受理单 last printed for a paper signature: only that list may be recorded as signed. */
  const [printedHash, setPrintedHash] = useState<string>();
  const [printingSheet, setPrintingSheet] = useState(false);
  /** Bumped on each refused submission: the first problem is then brought into view and focused. */
  const [refusals, setRefusals] = useState(0);
  const [formError, setFormError] = useState<ApiError>();
  const [attempted, setAttempted] = useState(false);
  const [submitted, setSubmitted] = useState<ApplicationView>();
  const inFlight = useRef(false);

  const error = formError ?? submit.error ?? request.error ?? recordPaper.error;
  const fieldError = useFieldError(error);
  const state = withScreen(signatureState(signature.status, preview?.feeHash), screen.data?.state);
  const ready = draft !== undefined && hasSelection(draft) && preview !== undefined;

  const openReceipt = useCallback(
    (id: number) => {
      // A new tab keeps the counter in view; the desktop app opens no windows (and a blocked
      // pop-up returns null), so there the receipt takes this one and links back.
      const opened = bridge() ? null : window.open(receiptPath(id), '_blank');
      if (!opened) void navigate(receiptPath(id));
    },
    [navigate],
  );

  const requestSignature = useCallback(async () => {
    if (!draft || !hasSelection(draft) || inFlight.current) return;
    inFlight.current = true;
    setFormError(undefined);
    submit.clearError();
    const view = await request.run({ counterId, selection: selectionOf(draft), fees: feesOf(draft) });
    inFlight.current = false;
    if (view) update((d) => ({ ...d, signatureRequestId: view.requestId }));
  }, [draft, counterId, request, submit, update]);

  const doSubmit = useCallback(async () => {
    if (!draft || !catalogue.data || draft.signatureRequestId === null || inFlight.current) return;
    setAttempted(true);
    setFormError(undefined);
    request.clearError();
    if (!draft.found && customerProblems(draft.customer).length > 0) {
      setFormError(localError('intake:errors.customerIncomplete'));
      setRefusals((n) => n + 1);
      return;
    }
    inFlight.current = true;
    const utilities = chosenUtilities(catalogue.data.catalogue, chosenCodes(catalogue.data.catalogue, draft.bundle, draft.businesses));
    const application = await submit.run({
      idempotencyKey: draft.idempotencyKey,
      counterId,
      ...(ticketId !== undefined ? { ticketId } : {}),
      ...customerOf(draft),
      selection: selectionOf(draft),
      fees: feesOf(draft),
      materials: decisionsOf(draft),
      accounts: accountsOf(draft, utilities),
      signatureRequestId: draft.signatureRequestId,
    });
    inFlight.current = false;
    if (application) {
      setSubmitted(application);
      setAttempted(false);
      reset();
      openReceipt(application.id);
    } else {
      setRefusals((n) => n + 1);
      // The list may have changed under the signature (a price republished): show it as it is now.
      refresh();
      signature.reload();
    }
  }, [draft, catalogue.data, counterId, ticketId, submit, request, reset, openReceipt, refresh, signature]);

  const printPaper = useCallback(() => {
    if (!preview) return;
    setPrintedHash(preview.feeHash);
    setPrintingSheet(true);
  }, [preview]);

  // The sheet is in the page only while it prints (its fee table would otherwise be on screen twice).
  useEffect(() => {
    if (!printingSheet) return;
    void printPaperSheet(printPage).finally(() => setPrintingSheet(false));
  }, [printingSheet]);

  const recordPaperSignature = useCallback(async () => {
    if (!draft || !hasSelection(draft) || printedHash === undefined || inFlight.current) return;
    inFlight.current = true;
    setFormError(undefined);
    submit.clearError();
    request.clearError();
    const view = await recordPaper.run({ counterId, selection: selectionOf(draft), fees: feesOf(draft), feeHash: printedHash });
    inFlight.current = false;
    if (view) update((d) => ({ ...d, signatureRequestId: view.requestId }));
  }, [draft, printedHash, counterId, recordPaper, submit, request, update]);

  // 个人: the licence and the power of attorney cannot apply; pre-set 不适用 (the clerk may change it).
  const customerKind = draft?.found?.kind ?? draft?.customer.kind;
  useEffect(() => {
    if (!preview || !draft || !customerKind) return;
    if (!withKnownConditions(customerKind, preview.materials, draft.materials)) return;
    // Worked out again on the latest form: a choice the clerk made meanwhile is never overwritten.
    update((d) => ({ ...d, materials: withKnownConditions(customerKind, preview.materials, d.materials) ?? d.materials }));
  }, [preview, customerKind, draft, update]);

  // After a refusal the clerk is taken to the first problem, wherever it is on the long form.
  useEffect(() => {
    if (refusals === 0) return;
    const frame = requestAnimationFrame(() => {
      const first = document.querySelector<HTMLElement>(
        '.intake-form [aria-invalid="true"], .intake-form .material.invalid input:not(:disabled), .intake-form .field-error, .intake-form .error-banner',
      );
      if (!first) return;
      first.scrollIntoView({ block: 'center' });
      if (!first.matches('input, select, textarea')) first.setAttribute('tabindex', '-1');
      first.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [refusals]);

  const problemCount = !attempted || !draft ? 0 : (draft.found ? 0 : customerProblems(draft.customer).length) + (preview?.materialProblems.length ?? 0);

  const canSubmit = ready && isSigned(state);
  const keys = useRef({ requestSignature, doSubmit, canSubmit, ready });
  keys.current = { requestSignature, doSubmit, canSubmit, ready };
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      if (e.altKey && (e.key === 's' || e.key === 'S')) {
        e.preventDefault();
        if (keys.current.ready) void keys.current.requestSignature();
      } else if (e.ctrlKey && e.key === 'Enter') {
        e.preventDefault();
        if (keys.current.canSubmit) void keys.current.doSubmit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  if (!catalogue.data || !draft) return <ErrorBanner error={catalogue.error} />;
  const cat = catalogue.data.catalogue;

  return (
    <div className="intake-form" data-testid="intake-form">
      {submitted && <SubmittedPanel application={submitted} onOpenReceipt={() => openReceipt(submitted.id)} onNext={() => setSubmitted(undefined)} />}
      <div className="intake-head">
        <h1>{t('intake:title')}</h1>
        <span className="draft-state" role="status" data-testid="draft-state" data-state={save}>
          {save === 'saving' && t('intake:draft.saving')}
          {save === 'saved' && savedAt && t('intake:draft.saved', { time: hallDateTime(savedAt).slice(11) })}
          {save === 'failed' && t('intake:draft.failed')}
          {save === 'idle' && savedAt && t('intake:draft.restored', { time: hallDateTime(savedAt) })}
        </span>
        <button
          type="button"
          className="small danger"
          onClick={() => {
            if (window.confirm(t('intake:draft.discardConfirm'))) {
              setAttempted(false);
              void discard();
            }
          }}
        >
          {t('intake:draft.discard')}
        </button>
      </div>
      <CustomerSection
        customer={draft.customer}
        found={draft.found}
        serverError={fieldError}
        showAll={attempted}
        readerOn={active}
        onChange={(customer) => update((d) => ({ ...d, customer }))}
        onPick={(found) =>
          update((d) => {
            const accounts = { ...d.accounts };
            for (const a of found.accounts) if (!accounts[a.utility]) accounts[a.utility] = a.accountNo;
            return { ...d, found, accounts };
          })
        }
        onClearFound={() => update((d) => ({ ...d, found: null }))}
      />
      <BusinessPicker
        catalogue={cat}
        bundle={draft.bundle}
        businesses={draft.businesses}
        accounts={draft.accounts}
        onChange={(bundle, businesses) => update((d) => ({ ...d, bundle, businesses }))}
        onAccount={(utility, accountNo) => update((d) => ({ ...d, accounts: { ...d.accounts, [utility]: accountNo } }))}
      />
      <ErrorBanner error={previewError} />
      {preview && (
        <>
          <MaterialsSection
            catalogue={cat}
            materials={preview.materials}
            problems={preview.materialProblems}
            decisions={draft.materials}
            showProblems={attempted}
            onDecide={(code, decision) => update((d) => ({ ...d, materials: { ...d.materials, [code]: decision } }))}
            onAllReceived={() =>
              update((d) => {
                const materials = { ...d.materials };
                for (const m of preview.materials) if (!materials[m.code] && !m.condition) materials[m.code] = { state: 'received' };
                return { ...d, materials };
              })
            }
          />
          <section className="card intake-section" aria-labelledby="fees-title">
            <h2 id="fees-title">{t('intake:fees.title')}</h2>
            <FeeTable
              fees={preview.fees}
              choose={(line) =>
                line.mandatory ? null : (
                  <label className="check fee-choose">
                    <input
                      type="checkbox"
                      checked={draft.optionalChosen.includes(line.key)}
                      onChange={(e) => {
                        const on = e.target.checked;
                        update((d) => ({ ...d, optionalChosen: on ? [...d.optionalChosen, line.key] : d.optionalChosen.filter((k) => k !== line.key) }));
                      }}
                      data-testid={`fee-choose-${line.key}`}
                    />
                    {t('intake:fees.customerChooses')}
                  </label>
                )
              }
              quantity={(line) => (
                <input
                  className="quantity"
                  type="number"
                  min={0}
                  step="any"
                  aria-label={t('intake:fees.quantityOf', { item: name(line.names) })}
                  value={draft.quantities[line.key] ?? line.quantity}
                  onChange={(e) => {
                    const n = Number(e.target.value);
                    update((d) => ({ ...d, quantities: { ...d.quantities, [line.key]: Number.isFinite(n) && n >= 0 ? n : 0 } }));
                  }}
                />
              )}
            />
          </section>
          <section className="card intake-section" aria-labelledby="deadlines-title">
            <h2 id="deadlines-title">{t('intake:deadlines.title', { day: preview.acceptedOn })}</h2>
            <DeadlinesTable deadlines={preview.deadlines} />
          </section>
        </>
      )}
      <ErrorBanner error={error} />
      <SignatureBar
        state={state}
        signedAt={signature.status?.signedAt ?? null}
        canRequest={ready}
        canSubmit={canSubmit}
        busy={request.pending || submit.pending || recordPaper.pending}
        onRequest={() => void requestSignature()}
        onSubmit={() => void doSubmit()}
        problems={problemCount}
        paper={
          screen.data && screen.data.state !== 'online' && preview
            ? { printed: printedHash === preview.feeHash, onPrint: printPaper, onRecord: () => void recordPaperSignature() }
            : undefined
        }
      />
      {printingSheet && preview && <PaperSheet preview={preview} customerName={draft.found?.name ?? draft.customer.name} at={hallNow().toISOString()} />}
    </div>
  );
}
