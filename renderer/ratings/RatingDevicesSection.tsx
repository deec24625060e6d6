import type { ColumnDef } from '@tanstack/react-table';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterDeviceView } from '../../main/core/ratings/contract.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { HealthBadge } from './HealthBadge.tsx';

type Form = { counterId: number; profile: string; path: string; baudRate: string; address: string };

/** Each counter's rating device (profile, port, baud, address), what runs and its health; the invitation timeout and the rectification deadline. */
export function RatingDevicesSection() {
  const { t } = useTranslation();
  const devices = useQuery('ratings/devices', {}, { refreshOn: ['ratings/deviceHealth', 'ratings/devicesChanged'] });
  const save = useMutation('ratings/setDevice');
  const fieldError = useFieldError(save.error);
  const [form, setForm] = useState<Form>();

  const edit = (c: CounterDeviceView) =>
    setForm({
      counterId: c.counterId,
      profile: c.setting?.profile ?? 'customer-screen',
      path: c.setting?.path ?? '',
      baudRate: c.setting?.baudRate?.toString() ?? '',
      address: String(c.setting?.address ?? 1),
    });

  const columns = useMemo<ColumnDef<CounterDeviceView, unknown>[]>(
    () => [
      {
        id: 'counter',
        accessorFn: (c) => c.counterNumber,
        header: t('ratings:devices.counter'),
        cell: ({ row }) => t('queue:counterLabel', { number: row.original.counterNumber }),
      },
      {
        id: 'setting',
        accessorFn: (c) => (c.setting ? [c.setting.profile, c.setting.path, c.setting.baudRate, `addr ${c.setting.address}`].filter(Boolean).join(' · ') : '—'),
        header: t('ratings:devices.setting'),
      },
      { id: 'source', accessorFn: (c) => (c.effective ? t(`ratings:devices.source.${c.effective.source}`) : ''), header: t('ratings:devices.running') },
      {
        id: 'health',
        accessorFn: (c) => c.effective?.health ?? '',
        header: t('ratings:devices.health'),
        cell: ({ row }) => <HealthBadge device={row.original} />,
      },
      {
        id: 'edit',
        header: '',
        enableSorting: false,
        cell: ({ row }) => (
          <button type="button" className="secondary" onClick={() => edit(row.original)}>
            {t('ratings:devices.edit')}
          </button>
        ),
      },
    ],
    [t],
  );

  const submit = async (e: FormEvent, remove = false) => {
    e.preventDefault();
    if (!form) return;
    const saved = await save.run({
      counterId: form.counterId,
      device: remove
        ? null
        : {
            profile: form.profile,
            path: form.path.trim() || null,
            baudRate: form.baudRate ? Number(form.baudRate) : null,
            address: Number(form.address || '1'),
          },
    });
    if (saved) {
      setForm(undefined);
      devices.reload();
    }
  };
  const profiles = devices.data?.profiles ?? [];

  return (
    <section className="card" aria-labelledby="rating-devices-title">
      <h2 id="rating-devices-title">{t('ratings:devices.title')}</h2>
      <DataTable data={devices.data?.counters ?? []} query={devices} columns={columns} label={t('ratings:devices.title')} />
      {form && (
        <form className="rect-form" onSubmit={(e) => void submit(e)}>
          <h3>{t('ratings:devices.editing', { number: devices.data?.counters.find((c) => c.counterId === form.counterId)?.counterNumber ?? '' })}</h3>
          <label>
            {t('ratings:devices.profile')}
            <select value={form.profile} onChange={(e) => setForm({ ...form, profile: e.target.value })}>
              {profiles.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name} ({p.transport})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('ratings:devices.path')}
            <input value={form.path} placeholder={t('ratings:devices.pathPlaceholder')} onChange={(e) => setForm({ ...form, path: e.target.value })} />
            {fieldError('device.path') && <span className="field-error">{fieldError('device.path')}</span>}
          </label>
          <label>
            {t('ratings:devices.baud')}
            <input inputMode="numeric" value={form.baudRate} placeholder="9600" onChange={(e) => setForm({ ...form, baudRate: e.target.value })} />
          </label>
          <label>
            {t('ratings:devices.address')}
            <input inputMode="numeric" value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} />
          </label>
          <ErrorBanner error={save.error} />
          <div className="rect-actions">
            <button type="submit" className="primary" disabled={save.pending}>
              {t('ratings:devices.save')}
            </button>
            <button type="button" className="secondary" disabled={save.pending} onClick={(e) => void submit(e, true)}>
              {t('ratings:devices.remove')}
            </button>
            <button type="button" className="secondary" onClick={() => setForm(undefined)}>
              {t('ratings:devices.cancel')}
            </button>
          </div>
        </form>
      )}
      <p className="hint">{t('ratings:devices.commandLineHint')}</p>
      <RatingSettingsForm />
    </section>
  );
}

function RatingSettingsForm() {
  const { t } = useTranslation();
  const settings = useQuery('ratings/settings', {});
  const save = useMutation('ratings/setSettings');
  const [timeout, setTimeoutSeconds] = useState('');
  const [days, setDays] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!settings.data) return;
    setTimeoutSeconds(String(settings.data.inviteTimeoutSeconds));
    setDays(String(settings.data.rectificationWorkingDays));
  }, [settings.data]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(Boolean(await save.run({ inviteTimeoutSeconds: Number(timeout), rectificationWorkingDays: Number(days) })));
  };
  return (
    <form className="rect-actions" onSubmit={(e) => void submit(e)}>
      <label>
        {t('ratings:settings.timeout')} <input inputMode="numeric" size={4} value={timeout} onChange={(e) => setTimeoutSeconds(e.target.value)} />
      </label>
      <label>
        {t('ratings:settings.deadline')} <input inputMode="numeric" size={4} value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <button type="submit" className="secondary" disabled={save.pending}>
        {t('ratings:settings.save')}
      </button>
      {saved && <span className="notice">{t('ratings:settings.saved')}</span>}
      <ErrorBanner error={save.error} />
    </form>
  );
}
