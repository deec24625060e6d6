import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/core/api/errors.ts';
import { send } from '../api/client.ts';
import { FeeTable } from '../intake/FeeTable.tsx';
import { useNames, yuan } from '../intake/names.ts';
import { SignaturePad, type SignaturePadHandle } from '../intake/SignaturePad.tsx';
import '../intake/intake.css';
import { useInterval } from '../queue/use-interval.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { useQuery } from '../shared/use-api.ts';

/** A push can be lost on a flaky LAN; the customer must not stand waiting for the list. */
const POLL_MS = 5000;
/** How long the thank-you stays before the screen goes back to the hall. */
const THANKS_MS = 4000;

/**
 * The customer's side of 明白消费: when the clerk asks for a signature, this screen (the rate
 * device paired to that counter) shows the exact itemised fee list, optional items marked as
 * optional, and a pad to sign on. The signature goes back bound to the hash of the list shown,
 * so a list replaced meanwhile is refused rather than signed blind.
 */
export function SignaturePanel() {
  const { t } = useTranslation();
  const name = useNames();
  const pending = useQuery('intake/pendingSignature', {}, { scope: 'rate', refreshOn: ['intake/signatureRequested'] });
  const pad = useRef<SignaturePadHandle>(null);
  const [hasInk, setHasInk] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const [thanks, setThanks] = useState(false);
  useInterval(pending.reload, POLL_MS);

  const request = pending.data ?? null;
  const requestId = request?.requestId;
  useEffect(() => {
    // A new list is a new signature: nothing drawn for the last one carries over.
    setError(undefined);
    setHasInk(false);
    pad.current?.clear();
  }, [requestId]);

  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => setThanks(false), THANKS_MS);
    return () => clearTimeout(timer);
  }, [thanks]);

  if (thanks) {
    return (
      <div className="signature-overlay" role="status" data-testid="signature-thanks">
        <h1 className="welcome">{t('intake:rate.thanks')}</h1>
      </div>
    );
  }
  if (!request) return null;

  const confirm = async () => {
    const image = pad.current?.toPng();
    if (!image || sending) return;
    setSending(true);
    const result = await send('intake/sign', { token: request.token, feeHash: request.feeHash, image }, 'rate');
    setSending(false);
    if (result.ok) {
      setThanks(true);
      pending.reload();
    } else {
      setError(result.error);
      // Replaced or already signed: fetch what the counter wants now.
      if (result.error.code === 'conflict' || result.error.code === 'not_found') pending.reload();
    }
  };

  return (
    <div className="signature-overlay" data-testid="signature-panel">
      <h1>{t('intake:rate.title')}</h1>
      <p className="hint">{t('intake:rate.hint')}</p>
      {/* The list scrolls; the total, the pad and its buttons stay in view under the customer's hand. */}
      <div className="signature-list">
        <p className="signed-businesses">{request.businesses.map((b) => name(b.names)).join(' · ')}</p>
        <FeeTable fees={request.fees} />
      </div>
      <p className="rate-total">{t('intake:rate.total', { amount: yuan(request.fees.totalFen) })}</p>
      {request.fees.hasOptional && <p className="rate-optional">{t('intake:rate.optional')}</p>}
      <SignaturePad ref={pad} label={t('intake:rate.pad')} onInk={setHasInk} />
      <ErrorBanner error={error} />
      <div className="row-actions signature-actions">
        <button type="button" className="secondary big" onClick={() => pad.current?.clear()}>
          {t('intake:rate.clear')}
        </button>
        <button type="button" className="primary big" disabled={!hasInk || sending} onClick={() => void confirm()} data-testid="confirm-signature">
          {t('intake:rate.confirm')}
        </button>
      </div>
    </div>
  );
}
