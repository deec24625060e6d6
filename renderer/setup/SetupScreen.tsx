import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { send } from '../api/client.ts';
import { setToken } from '../api/session.ts';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { Field, NewPasswordField } from '../shared/Field.tsx';
import { Layout } from '../shared/Layout.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';

/** First run: name the hall and create the administrator. There is no default password. */
export function SetupScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useQuery('setup/status', {});
  const create = useMutation('setup/createAdmin');
  const fieldError = useFieldError(create.error);
  const [form, setForm] = useState({ hallName: '', workNo: '', name: '', password: '', confirm: '', setupCode: '' });
  const [mismatch, setMismatch] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  if (status.data && !status.data.needsSetup) return <Navigate to="/manage" replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMismatch(form.password !== form.confirm);
    if (form.password !== form.confirm) return;
    const result = await create.run({
      hallName: form.hallName,
      workNo: form.workNo,
      name: form.name,
      password: form.password,
      ...(form.setupCode ? { setupCode: form.setupCode } : {}),
    });
    if (!result) return;
    // The administrator who just chose the password is signed in straight away.
    const login = await send('auth/login', { workNo: form.workNo, password: form.password });
    if (login.ok) setToken('staff', login.value.token);
    void navigate('/manage', { replace: true });
  };

  return (
    <Layout title={t('setup.title')}>
      <form className="card narrow" onSubmit={(e) => void submit(e)}>
        <h1>{t('setup.heading')}</h1>
        <p className="hint">{t('setup.hint')}</p>
        {status.data?.needsSetupCode && (
          <Field
            label={t('setup.setupCode')}
            value={form.setupCode}
            onChange={set('setupCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            error={fieldError('setupCode')}
          />
        )}
        <Field label={t('setup.hallName')} value={form.hallName} onChange={set('hallName')} autoFocus error={fieldError('hallName')} />
        <Field label={t('auth.workNo')} value={form.workNo} onChange={set('workNo')} autoComplete="username" error={fieldError('workNo')} />
        <Field label={t('staff.name')} value={form.name} onChange={set('name')} error={fieldError('name')} />
        <NewPasswordField label={t('auth.password')} value={form.password} onChange={set('password')} error={fieldError('password')} />
        <NewPasswordField
          label={t('setup.confirmPassword')}
          value={form.confirm}
          onChange={set('confirm')}
          error={mismatch ? t('setup.mismatch') : undefined}
        />
        {!create.error?.details?.fields && <ErrorBanner error={create.error} />}
        <button type="submit" className="primary" disabled={create.pending}>
          {t('setup.submit')}
        </button>
      </form>
    </Layout>
  );
}
