import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRoleName } from '../../main/core/api/roles.ts';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { formatHallClock } from '../shared/hall-clock.ts';

const deviceRoles: DeviceRoleName[] = ['kiosk', 'display', 'rate'];

/** What PCs and devices trust the hall by: compared by eye when a browser installs the CA (the /trust page). */
function HallCertificateFacts() {
  const { t } = useTranslation();
  const certificate = useQuery('hall/certificate', {});
  const c = certificate.data;
  if (!c) return null;
  return (
    <div className="hall-certificate">
      <h3>{t('devices.certificateTitle')}</h3>
      {c.https ? (
        <p>
          {t('devices.certificateFingerprint')} <code data-testid="hall-ca-fingerprint">{c.caFingerprint}</code> ·{' '}
          <a href="/trust" target="_blank" rel="noreferrer">
            {t('devices.certificateHowTo')}
          </a>
        </p>
      ) : (
        <p>{t('devices.certificatePlain')}</p>
      )}
    </div>
  );
}

export function DevicesSection() {
  const { t } = useTranslation();
  const devices = useQuery('devices/list', {});
  const issue = useMutation('devices/issuePairingCode');
  const fieldError = useFieldError(issue.error);
  const [role, setRole] = useState<DeviceRoleName>('kiosk');
  const [name, setName] = useState('');
  const [code, setCode] = useState<{ code: string; expiresAt: string }>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await issue.run({ role, name, counterId: null });
    if (result) {
      setCode(result);
      devices.reload();
    }
  };

  return (
    <section className="card" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('devices.title')}</h2>
      <ul className="device-list">
        {(devices.data ?? []).map((d) => (
          <li key={d.id}>
            {d.name} · {t(`roles.${d.role}`)} {d.revokedAt ? `· ${t('devices.revoked')}` : ''}
          </li>
        ))}
        {devices.data?.length === 0 && <li className="empty">{t('devices.none')}</li>}
      </ul>
      <form className="inline-form" onSubmit={submit}>
        <h3>{t('devices.pairTitle')}</h3>
        <label className="select">
          {t('devices.role')}
          <select value={role} onChange={(e) => setRole(deviceRoles.find((r) => r === e.target.value) ?? 'kiosk')}>
            {deviceRoles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <Field label={t('devices.name')} value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        {!issue.error?.details?.fields && <ErrorBanner error={issue.error} />}
        <button type="submit" className="primary" disabled={issue.pending}>
          {t('devices.issue')}
        </button>
        {code && (
          <div className="pairing-code" role="status">
            {t('devices.code')} <strong data-testid="pairing-code">{code.code}</strong> · {t('devices.expires', { time: formatHallClock(code.expiresAt) })}
          </div>
        )}
      </form>
      <HallCertificateFacts />
    </section>
  );
}
