import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRoleName } from '../../main/core/api/roles.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { DialogActions } from '../shared/DialogActions.tsx';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { formatHallClock } from '../shared/hall-clock.ts';
import { useMutation } from '../shared/use-api.ts';
import type { CounterChoice } from './DevicesSection.tsx';
import { CounterSelect } from './CounterSelect.tsx';

const deviceRoles: DeviceRoleName[] = ['kiosk', 'display', 'rate'];

/**
 * 配对新设备: a one-time code for the screen to type. A rating screen faces one counter's
 * customers, so it cannot be paired without its window (paired without one it would idle
 * forever and no customer could sign or rate there); a board may show one window or the hall.
 */
export function PairDeviceDialog({ counters, onIssued, onClose }: { counters: CounterChoice[]; onIssued: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const issue = useMutation('devices/issuePairingCode');
  const fieldError = useFieldError(issue.error);
  const [role, setRole] = useState<DeviceRoleName>('kiosk');
  const [name, setName] = useState('');
  const [counterId, setCounterId] = useState('');
  const [missingCounter, setMissingCounter] = useState(false);
  const [code, setCode] = useState<{ code: string; expiresAt: string; name: string }>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (role === 'rate' && counterId === '') {
      setMissingCounter(true);
      return;
    }
    setMissingCounter(false);
    setCode(undefined);
    const result = await issue.run({ role, name, counterId: role === 'kiosk' || counterId === '' ? null : Number(counterId) });
    if (result) {
      setCode({ ...result, name });
      onIssued();
    }
  };

  const counterError = missingCounter ? t('manage:devices.rateNeedsCounter') : fieldError('counterId');

  return (
    <Dialog title={t('devices.pairTitle')} onClose={onClose}>
      <form className="dialog-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('devices.pairTitle')}>
        <label className="select">
          {t('devices.role')}
          <select value={role} autoFocus onChange={(e) => setRole(deviceRoles.find((r) => r === e.target.value) ?? 'kiosk')}>
            {deviceRoles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <Field label={t('devices.name')} value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        {role !== 'kiosk' && <CounterSelect counters={counters} value={counterId} onChange={setCounterId} forRating={role === 'rate'} error={counterError} />}
        {!issue.error?.details?.fields && <ErrorBanner error={issue.error} />}
        {code && (
          <div className="pairing-code" role="status">
            {t('manage:devices.codeFor', { name: code.name })} <strong data-testid="pairing-code">{code.code}</strong> ·{' '}
            {t('devices.expires', { time: formatHallClock(code.expiresAt) })}
          </div>
        )}
        <DialogActions submitText={t('devices.issue')} pending={issue.pending} cancelText={t('manage:devices.close')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
