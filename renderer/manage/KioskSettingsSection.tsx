import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { useMutation } from '../shared/use-api.ts';

/** How long a kiosk waits for a touch before it clears the screen for the next customer. */
export function KioskSettingsSection({ settings, onSaved }: { settings: { idleSeconds: number } | undefined; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useMutation('queue/setKioskSettings');
  const fieldError = useFieldError(save.error);
  const [idleSeconds, setIdleSeconds] = useState('');
  const [saved, setSaved] = useState(false);
  // The saved number, not the settings object: a reload with the same value keeps the edit.
  const savedIdle = settings?.idleSeconds;
  useEffect(() => {
    if (savedIdle !== undefined) setIdleSeconds(String(savedIdle));
  }, [savedIdle]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (await save.run({ idleSeconds: Number(idleSeconds) })) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <section className="card" aria-labelledby="kiosk-settings-title">
      <h2 id="kiosk-settings-title">{t('queue:manage.kiosk')}</h2>
      <form className="inline-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('queue:manage.kiosk')}>
        <Field label={t('queue:manage.idleSeconds')} type="number" min={10} max={600} value={idleSeconds} onChange={(e) => setIdleSeconds(e.target.value)} error={fieldError('idleSeconds')} />
        <p className="hint">{t('queue:manage.idleHint')}</p>
        {!save.error?.details?.fields && <ErrorBanner error={save.error} />}
        {saved && (
          <div className="notice" role="status">
            {t('queue:manage.kioskSaved')}
          </div>
        )}
        <button type="submit" className="primary" disabled={save.pending}>
          {t('queue:manage.save')}
        </button>
      </form>
    </section>
  );
}
