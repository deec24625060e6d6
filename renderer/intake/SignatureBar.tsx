import { useTranslation } from 'react-i18next';
import { hallDateTime } from '../shared/hall-clock.ts';
import type { SignatureRequestView } from './use-signature.ts';

// Key names are printed on keyboards the same in every language.
const requestKey = 'Alt+S';
const submitKey = 'Ctrl+Enter';

export type SignatureState = 'none' | 'noScreen' | 'pending' | 'signed' | 'changed' | 'cancelled';

/** Where the customer's signature stands, as the clerk needs to know it before submitting. */
export function signatureState(status: SignatureRequestView | undefined, previewHash: string | undefined): SignatureState {
  if (!status) return 'none';
  if (status.status === 'cancelled') return 'cancelled';
  if (status.status === 'pending') return status.deviceIds.length === 0 ? 'noScreen' : 'pending';
  return previewHash !== undefined && previewHash !== status.feeHash ? 'changed' : 'signed';
}

/** The two steps that end the form: ask the customer to sign the fee list, then submit. */
export function SignatureBar({
  state,
  signedAt,
  canRequest,
  canSubmit,
  busy,
  onRequest,
  onSubmit,
}: {
  state: SignatureState;
  signedAt: string | null;
  canRequest: boolean;
  canSubmit: boolean;
  busy: boolean;
  onRequest: () => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const tone = state === 'signed' ? 'ok' : state === 'changed' || state === 'noScreen' || state === 'cancelled' ? 'warn' : '';
  return (
    <section className="card intake-section signature-bar" aria-labelledby="sign-title">
      <h2 id="sign-title">{t('intake:sign.title')}</h2>
      <p className={`signature-state ${tone}`} role="status" data-testid="signature-state" data-state={state}>
        {t(`intake:sign.state.${state}`, { time: signedAt ? hallDateTime(signedAt).slice(11) : '' })}
      </p>
      <div className="row-actions">
        <button type="button" className="secondary big" disabled={!canRequest || busy} onClick={onRequest} aria-keyshortcuts="Alt+S" data-testid="request-signature">
          <kbd>{requestKey}</kbd> {state === 'none' ? t('intake:sign.request') : t('intake:sign.requestAgain')}
        </button>
        <button type="button" className="primary big" disabled={!canSubmit || busy} onClick={onSubmit} aria-keyshortcuts="Control+Enter" data-testid="submit-intake">
          <kbd>{submitKey}</kbd> {t('intake:sign.submit')}
        </button>
      </div>
    </section>
  );
}
