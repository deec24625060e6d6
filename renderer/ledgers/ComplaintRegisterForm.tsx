import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffOptions, UtilityOptions } from '../shared/ChoiceOptions.tsx';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { hallDateTimeInput, hallInstantOfInput } from '../shared/hall-clock.ts';
import { useUtilities } from './use-utilities.ts';

export const channels = ['window', 'hotline12345', 'hotline12319', 'utilityHotline', 'web', 'letter'] as const;
type Channel = (typeof channels)[number];

/** Registering a complaint: where it came from, who, about what, when it was received. */
export function ComplaintRegisterForm({ onClose, onRegistered }: { onClose: () => void; onRegistered: (id: number) => void }) {
  const { t } = useTranslation();
  const utilities = useUtilities();
  const staff = useQuery('staff/list', {});
  const register = useMutation('complaints/register');
  const fieldError = useFieldError(register.error);
  const [form, setForm] = useState<{
    channel: Channel;
    externalRef: string;
    complainantName: string;
    complainantPhone: string;
    utility: string;
    staffId: number;
    caseNumber: string;
    content: string;
    receivedAt: string;
  }>({
    channel: 'window',
    externalRef: '',
    complainantName: '',
    complainantPhone: '',
    utility: '',
    staffId: 0,
    caseNumber: '',
    content: '',
    receivedAt: hallDateTimeInput(),
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm({ ...form, [key]: value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await register.run({
      channel: form.channel,
      ...(form.externalRef.trim() ? { externalRef: form.externalRef } : {}),
      complainantName: form.complainantName,
      ...(form.complainantPhone.trim() ? { complainantPhone: form.complainantPhone } : {}),
      ...(form.utility ? { utility: form.utility } : {}),
      ...(form.staffId ? { staffId: form.staffId } : {}),
      ...(form.caseNumber.trim() ? { caseNumber: form.caseNumber } : {}),
      content: form.content,
      // The input shows the hall's wall clock, whatever this PC's time zone.
      receivedAt: hallInstantOfInput(form.receivedAt) ?? form.receivedAt,
    });
    if (created) onRegistered(created.id);
  };

  const error = (path: string) => {
    const message = fieldError(path);
    return message ? <span className="field-error">{message}</span> : null;
  };

  return (
    <section className="card" aria-labelledby="complaint-register-title">
      <h2 id="complaint-register-title">{t('ledgers:complaint.register')}</h2>
      <form className="ledger-form" onSubmit={(e) => void submit(e)}>
        <div className="row">
          <label>
            {t('ledgers:complaint.channel')}
            <select value={form.channel} onChange={(e) => set('channel', channels.find((c) => c === e.target.value) ?? 'window')}>
              {channels.map((c) => (
                <option key={c} value={c}>
                  {t(`ledgers:channel.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('ledgers:complaint.externalRef')}
            <input value={form.externalRef} onChange={(e) => set('externalRef', e.target.value)} />
          </label>
          <label>
            {t('ledgers:complaint.receivedAt')}
            <input type="datetime-local" value={form.receivedAt} onChange={(e) => set('receivedAt', e.target.value)} />
            {error('receivedAt')}
          </label>
        </div>
        <div className="row">
          <label>
            {t('ledgers:complaint.complainantName')}
            <input
              value={form.complainantName}
              onChange={(e) => set('complainantName', e.target.value)}
              aria-invalid={fieldError('complainantName') ? true : undefined}
            />
            {error('complainantName')}
          </label>
          <label>
            {t('ledgers:complaint.phone')}
            <input type="tel" value={form.complainantPhone} onChange={(e) => set('complainantPhone', e.target.value)} />
            {error('complainantPhone')}
          </label>
        </div>
        <div className="row">
          <label>
            {t('ledgers:complaint.utility')}
            <select value={form.utility} onChange={(e) => set('utility', e.target.value)}>
              <UtilityOptions utilities={utilities} none={t('ledgers:complaint.hallItself')} />
            </select>
          </label>
          <label>
            {t('ledgers:complaint.staff')}
            <select value={form.staffId} onChange={(e) => set('staffId', Number(e.target.value))}>
              <StaffOptions staff={staff.data ?? []} none="—" />
            </select>
          </label>
          <label>
            {t('ledgers:complaint.caseNumber')}
            <input value={form.caseNumber} onChange={(e) => set('caseNumber', e.target.value)} />
          </label>
        </div>
        <label>
          {t('ledgers:complaint.content')}
          <textarea value={form.content} onChange={(e) => set('content', e.target.value)} />
          {error('content')}
        </label>
        {!register.error?.details?.fields && <ErrorBanner error={register.error} />}
        <div className="ledger-actions">
          <button type="submit" className="primary" disabled={register.pending}>
            {t('ledgers:complaint.registerSubmit')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('ledgers:cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
