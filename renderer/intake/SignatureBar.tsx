import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hallDateTime } from '../shared/hall-clock.ts';
import type { SignatureRequestView } from './use-signature.ts';

// Key names are printed on keyboards the same in every language; `aria` is the name ARIA gives the same keys.
const requestKey = { printed: 'Alt+S', aria: 'Alt+S' };
const submitKey = { printed: 'Ctrl+Enter', aria: 'Control+Enter' };

export type SignatureState = 'none' | 'noScreen' | 'screenOffline' | 'pending' | 'signed' | 'paperSigned' | 'changed' | 'cancelled';

/** The counter's customer screen: none bound, bound and on, bound but off (intake/customerScreen). */
export type CustomerScreenState = 'unbound' | 'online' | 'offline';

/** Where the customer's signature stands, as the clerk needs to know it before submitting. */
export function signatureState(status: SignatureRequestView | undefined, previewHash: string | undefined): SignatureState {
  if (!status) return 'none';
  if (status.status === 'cancelled') return 'cancelled';
  if (status.status === 'pending') return status.deviceIds.length === 0 ? 'noScreen' : 'pending';
  if (previewHash !== undefined && previewHash !== status.feeHash) return 'changed';
  return status.kind === 'paper' ? 'paperSigned' : 'signed';
}

/** Not yet signed at a counter whose screen cannot take it: say so, and the bar offers the paper path. */
export function withScreen(state: SignatureState, screen: CustomerScreenState | undefined): SignatureState {
  if (screen === undefined || screen === 'online') return state;
  // A request already sent keeps saying so: the screen may be back any moment (the paper path is offered all the same).
  if (state !== 'none' && state !== 'noScreen') return state;
  return screen === 'unbound' ? 'noScreen' : 'screenOffline';
}

export const isSigned = (state: SignatureState): boolean => state === 'signed' || state === 'paperSigned';

/** The paper path, for a counter whose customer screen cannot take a signature: print the list, record the customer's signature on it. */
export type PaperPath = {
  /** The list printed is the one on the form now (printing again after a change is needed). */
  printed: boolean;
  onPrint: () => void;
  onRecord: () => void;
};

/** The two steps that end the form: ask the customer to sign the fee list, then submit. */
export function SignatureBar({
  state,
  signedAt,
  canRequest,
  canSubmit,
  busy,
  onRequest,
  onSubmit,
  paper,
  problems,
}: {
  /** What still blocks submission after a refused attempt (customer fields, materials); 0 hides the count. */
  problems: number;
  /** Offered when the counter has no working customer screen; undefined otherwise. */
  paper: PaperPath | undefined;
  state: SignatureState;
  signedAt: string | null;
  canRequest: boolean;
  canSubmit: boolean;
  busy: boolean;
  onRequest: () => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const tone =
    problems > 0
      ? 'warn'
      : isSigned(state)
        ? 'ok'
        : state === 'changed' || state === 'noScreen' || state === 'screenOffline' || state === 'cancelled'
          ? 'warn'
          : '';
  // One row: what stands (and what is left after a refusal) on the left, the steps on the right. The
  // title is for screen readers only: the bar's own words say what it is, and a tall bar hid the form.
  return (
    <section className={`card signature-bar ${problems > 0 ? 'has-problems' : ''}`} aria-labelledby="sign-title" data-tone={tone || 'neutral'}>
      <h2 id="sign-title" className="sr-only">
        {t('intake:sign.title')}
      </h2>
      <div className="signature-text">
        <p className="signature-line">
          <span className={`signature-state ${tone}`} role="status" data-testid="signature-state" data-state={state}>
            {t(`intake:sign.state.${state}`, { time: signedAt ? hallDateTime(signedAt).slice(11) : '' })}
          </span>
          {problems > 0 && (
            <span className="problem-count" role="alert" data-testid="problem-count">
              {t('intake:sign.problems', { count: problems })}
            </span>
          )}
        </p>
        {paper && !isSigned(state) && (
          <p className="hint" id="paper-hint">
            {t('intake:sign.paper.hint')}
          </p>
        )}
      </div>
      <div className="signature-actions-row">
        {paper && !isSigned(state) && (
          <span className="paper-path" data-testid="paper-path">
            <button
              type="button"
              className="secondary"
              disabled={!canRequest || busy}
              onClick={paper.onPrint}
              aria-describedby="paper-hint"
              data-testid="print-paper-form"
            >
              {t('intake:sign.paper.print')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!canRequest || busy || !paper.printed}
              onClick={paper.onRecord}
              aria-describedby="paper-hint"
              data-testid="record-paper-signature"
            >
              {t('intake:sign.paper.record')}
            </button>
          </span>
        )}
        {state !== 'noScreen' && (
          <KeyedStep className="secondary" disabled={!canRequest || busy} onClick={onRequest} keys={requestKey} testId="request-signature">
            {state === 'none' ? t('intake:sign.request') : t('intake:sign.requestAgain')}
          </KeyedStep>
        )}
        <KeyedStep className="primary" disabled={!canSubmit || busy} onClick={onSubmit} keys={submitKey} testId="submit-intake">
          {t('intake:sign.submit')}
        </KeyedStep>
      </div>
    </section>
  );
}

/** A step the clerk can also take from the keyboard: its keys printed in front, and announced. */
function KeyedStep({
  className,
  disabled,
  onClick,
  keys,
  testId,
  children,
}: {
  className: string;
  disabled: boolean;
  onClick: () => void;
  keys: { printed: string; aria: string };
  testId: string;
  children: ReactNode;
}) {
  return (
    <button type="button" className={className} disabled={disabled} onClick={onClick} aria-keyshortcuts={keys.aria} data-testid={testId}>
      <kbd>{keys.printed}</kbd> {children}
    </button>
  );
}
