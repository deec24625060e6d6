import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { useMutation } from '../shared/use-api.ts';

/**
 * Sets or changes the backup password (the administrator's): typed twice, never shown again.
 * Changing it leaves older backups under the password they were made with — the form says so.
 */
export function BackupPasswordForm({ isSet, onDone }: { isSet: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useMutation('backups/setPassword');
  const fieldError = useFieldError(save.error);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [saved, setSaved] = useState(false);
  const submit = async () => {
    const result = await save.run({ password, confirm });
    if (!result) return;
    setPassword('');
    setConfirm('');
    setSaved(true);
    onDone();
  };
  return (
    <section className="card" aria-labelledby="backup-password-title">
      <h2 id="backup-password-title">{t(isSet ? 'ledgers:backup.password.changeTitle' : 'ledgers:backup.password.setTitle')}</h2>
      <p className="hint">{t('ledgers:backup.password.explain')}</p>
      {isSet && <p className="hint">{t('ledgers:backup.password.changeWarning')}</p>}
      <form
        className="ledger-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          void submit();
        }}
      >
        <div className="row">
          <label>
            {t('ledgers:backup.password.password')}
            <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            {fieldError('password') && <span className="field-error">{fieldError('password')}</span>}
          </label>
          <label>
            {t('ledgers:backup.password.again')}
            <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
            {fieldError('confirm') && <span className="field-error">{fieldError('confirm')}</span>}
          </label>
        </div>
        {!save.error?.details?.fields && <ErrorBanner error={save.error} />}
        {saved && (
          <p className="notice" role="status">
            {t('ledgers:backup.password.saved')}
          </p>
        )}
        <div className="ledger-actions">
          <button type="submit" className="primary" disabled={save.pending || password === '' || confirm === ''}>
            {t(isSet ? 'ledgers:backup.password.change' : 'ledgers:backup.password.set')}
          </button>
        </div>
      </form>
    </section>
  );
}
