import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setToken } from '../api/session.ts';
import { ErrorBanner, useFieldError } from './errors.tsx';
import { Field } from './Field.tsx';
import { useMutation } from './use-api.ts';

export function LoginForm() {
  const { t } = useTranslation();
  const [workNo, setWorkNo] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation('auth/login');
  const fieldError = useFieldError(login.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await login.run({ workNo, password });
    if (result) setToken('staff', result.token);
  };

  return (
    <form className="card narrow" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.title')}</h1>
      <Field
        label={t('auth.workNo')}
        value={workNo}
        onChange={(e) => setWorkNo(e.target.value)}
        autoFocus
        autoComplete="username"
        error={fieldError('workNo')}
      />
      <Field
        label={t('auth.password')}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoComplete="current-password"
        error={fieldError('password')}
      />
      {!login.error?.details?.fields && <ErrorBanner error={login.error} />}
      <button type="submit" className="primary" disabled={login.pending}>
        {t('auth.submit')}
      </button>
    </form>
  );
}
