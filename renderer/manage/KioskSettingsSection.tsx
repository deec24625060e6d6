import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldError } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { SettingsFormFooter } from './FormFooters.tsx';
import { useSettingsSave } from './use-settings-save.ts';

/** How long a kiosk waits for a touch before it clears the screen for the next customer. */
export function KioskSettingsSection({ settings, onSaved }: { settings: { idleSeconds: number } | undefined; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSettingsSave('queue/setKioskSettings', onSaved);
  const fieldError = useFieldError(save.error);
  const [idleSeconds, setIdleSeconds] = useState('');
  // The saved number, not the settings object: a reload with the same value keeps the edit.
  const savedIdle = settings?.idleSeconds;
  useEffect(() => {
    if (savedIdle !== undefined) setIdleSeconds(String(savedIdle));
  }, [savedIdle]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.submit({ idleSeconds: Number(idleSeconds) });
  };

  return (
    <section className="card" aria-labelledby="kiosk-settings-title">
      <h2 id="kiosk-settings-title">{t('queue:manage.kiosk')}</h2>
      <form className="inline-form" noValidate onSubmit={submit} aria-label={t('queue:manage.kiosk')}>
        <Field
          label={t('queue:manage.idleSeconds')}
          type="number"
          min={10}
          max={600}
          value={idleSeconds}
          onChange={(e) => setIdleSeconds(e.target.value)}
          error={fieldError('idleSeconds')}
        />
        <p className="hint">{t('queue:manage.idleHint')}</p>
        <SettingsFormFooter error={save.error} pending={save.pending} savedText={save.saved ? t('queue:manage.kioskSaved') : undefined} />
      </form>
    </section>
  );
}
