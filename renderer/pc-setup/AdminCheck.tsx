import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/core/api/errors.ts';
import type { PcSetupBridge } from '../../main/electron/pc-setup-contract.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';

/** A PC already set up changes its role only after an administrator of the hall signs in (checked by the hall). */
export function AdminCheck({ bridge, onVerified }: { bridge: PcSetupBridge; onVerified: () => void }) {
  const { t } = useTranslation();
  const [workNo, setWorkNo] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [pending, setPending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPending(true);
    const result = await bridge.verifyAdmin(workNo, password);
    setPending(false);
    setPassword('');
    if (result.ok) onVerified();
    else setError(result.error);
  };

  return (
    <form className="card narrow" onSubmit={(e) => void submit(e)} aria-labelledby="pc-admin-title">
      <h1 id="pc-admin-title">{t('pcSetup:admin.title')}</h1>
      <p className="hint">{t('pcSetup:admin.hint')}</p>
      <Field label={t('auth.workNo')} value={workNo} onChange={(e) => setWorkNo(e.target.value)} autoFocus autoComplete="username" />
      <Field label={t('auth.password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      <ErrorBanner error={error} />
      <button type="submit" className="primary" disabled={pending || !workNo || !password}>
        {t('pcSetup:admin.submit')}
      </button>
    </form>
  );
}
