import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableTicket } from '../../main/core/queue/contract.ts';
import { TouchKeypad } from '../queue/TouchKeypad.tsx';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { useMutation } from '../shared/use-api.ts';

const codeKeys = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An appointment's six-character code turns into a ticket. */
export function CheckInPanel({ onIssued, onCancel }: { onIssued: (t: PrintableTicket) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const checkIn = useMutation('queue/checkIn', 'kiosk');
  const fieldError = useFieldError(checkIn.error);
  const error = fieldError('code');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ticket = await checkIn.run({ code });
    if (ticket) onIssued(ticket);
  };

  return (
    <form className="card check-in" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('queue:checkIn.title')}</h1>
      <p className="hint">{t('queue:checkIn.hint')}</p>
      <div className={`field ${error ? 'invalid' : ''}`}>
        <label htmlFor={id}>{t('queue:checkIn.code')}</label>
        <input
          id={id}
          className="code-input"
          autoFocus
          autoComplete="off"
          maxLength={6}
          value={code}
          onChange={(e) =>
            setCode(
              e.target.value
                .toUpperCase()
                .replace(/[^A-Z0-9]/g, '')
                .slice(0, 6),
            )
          }
          aria-invalid={error ? true : undefined}
        />
        {error && <div className="field-error">{error}</div>}
      </div>
      <TouchKeypad keys={codeKeys} value={code} maxLength={6} onChange={setCode} label={t('queue:checkIn.code')} />
      {!checkIn.error?.details?.fields && <ErrorBanner error={checkIn.error} />}
      <div className="row-actions">
        <button type="button" className="secondary big" onClick={onCancel}>
          {t('queue:common.back')}
        </button>
        <button type="submit" className="primary big" disabled={checkIn.pending || code.length !== 6}>
          {t('queue:checkIn.submit')}
        </button>
      </div>
    </form>
  );
}
