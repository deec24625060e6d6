import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SessionScope, setToken } from '../api/session.ts';
import { ErrorBanner, useFieldError } from './errors.tsx';
import { Field } from './Field.tsx';
import { useMutation } from './use-api.ts';

/** A kiosk, display or rating screen pairs once with a code from the manager. */
export function PairingForm({ scope }: { scope: Exclude<SessionScope, 'staff'> }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const pair = useMutation('devices/pair', scope);
  const fieldError = useFieldError(pair.error);
  const [wrongRole, setWrongRole] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await pair.run({ code });
    if (!result) return;
    if (result.device.role !== scope) {
      setWrongRole(true);
      return;
    }
    setToken(scope, result.token);
  };

  return (
    <form className="card narrow" onSubmit={(e) => void submit(e)}>
      <h1>{t('pairing.title', { screen: t(`roles.${scope}`) })}</h1>
      <p className="hint">{t('pairing.hint')}</p>
      <Field label={t('pairing.code')} inputMode="numeric" value={code} onChange={(e) => setCode(e.target.value)} autoFocus error={fieldError('code')} />
      {wrongRole && (
        <div className="error-banner" role="alert">
          {t('pairing.wrongRole')}
        </div>
      )}
      {!pair.error?.details?.fields && <ErrorBanner error={pair.error} />}
      <button type="submit" className="primary" disabled={pair.pending}>
        {t('pairing.submit')}
      </button>
    </form>
  );
}
