import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import type { UtilitySync } from '../../main/core/sync/contract.ts';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { useMutation } from '../shared/use-api.ts';

/** How the hall reaches one utility. The shared secret is write-only: it is never shown, only replaced. */
export function ConnectorForm({ utility, onSaved }: { utility: UtilitySync; onSaved: () => void }) {
  const { t } = useTranslation();
  const c = utility.connector;
  const save = useMutation('sync/saveConnector');
  const fieldError = useFieldError(save.error);
  const [kind, setKind] = useState<'http' | 'folder'>(c?.kind ?? 'http');
  const [enabled, setEnabled] = useState(c?.enabled ?? true);
  const [baseUrl, setBaseUrl] = useState(c?.baseUrl ?? '');
  const [outDir, setOutDir] = useState(c?.outDir ?? '');
  const [replyDir, setReplyDir] = useState(c?.replyDir ?? '');
  const [secret, setSecret] = useState('');
  const [windowStart, setWindowStart] = useState(c?.windowStart ?? '01:00');
  const [windowEnd, setWindowEnd] = useState(c?.windowEnd ?? '05:00');
  const [saved, setSaved] = useState(false);
  const test = useMutation('sync/testConnection');
  const [tested, setTested] = useState<OutputOf<Contract['sync/testConnection']>>();

  const submit = async () => {
    setSaved(false);
    const result = await save.run({
      utility: utility.utility,
      kind,
      enabled,
      baseUrl: kind === 'http' ? baseUrl : null,
      outDir: kind === 'folder' ? outDir : null,
      replyDir: kind === 'folder' ? replyDir : null,
      ...(secret ? { secret } : {}),
      windowStart,
      windowEnd,
    });
    if (result) {
      setSecret('');
      setSaved(true);
      onSaved();
    }
  };

  return (
    <form
      className="sync-connector-form"
      aria-label={t('sync:connector.title', { utility: utility.names.zh })}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('sync:connector.title', { utility: utility.names.zh })}</h3>
      <ErrorBanner error={save.error} />
      <label className="sync-inline">
        {t('sync:connector.kind')}{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value === 'folder' ? 'folder' : 'http')}>
          <option value="http">{t('sync:kind.http')}</option>
          <option value="folder">{t('sync:kind.folder')}</option>
        </select>
      </label>
      {kind === 'http' ? (
        <Field
          label={t('sync:connector.baseUrl')}
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          placeholder={t('sync:connector.baseUrlExample')}
          error={fieldError('baseUrl')}
        />
      ) : (
        <>
          <Field label={t('sync:connector.outDir')} value={outDir} onChange={(e) => setOutDir(e.target.value)} error={fieldError('outDir')} />
          <Field label={t('sync:connector.replyDir')} value={replyDir} onChange={(e) => setReplyDir(e.target.value)} error={fieldError('replyDir')} />
        </>
      )}
      <Field
        label={t('sync:connector.secret')}
        type="password"
        autoComplete="new-password"
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        placeholder={c?.hasSecret ? t('sync:connector.secretKept') : t('sync:connector.secretNeeded')}
        error={fieldError('secret')}
      />
      <div className="sync-window">
        <Field
          label={t('sync:connector.windowStart')}
          type="time"
          value={windowStart}
          onChange={(e) => setWindowStart(e.target.value)}
          error={fieldError('windowStart')}
        />
        <Field
          label={t('sync:connector.windowEnd')}
          type="time"
          value={windowEnd}
          onChange={(e) => setWindowEnd(e.target.value)}
          error={fieldError('windowEnd')}
        />
      </div>
      <label className="sync-inline">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('sync:connector.enabled')}
      </label>
      <div className="sync-actions">
        <button type="submit" disabled={save.pending}>
          {t('sync:connector.save')}
        </button>
        {saved && <span role="status">{t('sync:connector.saved')}</span>}
        {c && (
          // Tries the connector as saved: a signed empty batch, or the folders; the answer in words.
          <button type="button" className="secondary" disabled={test.pending} onClick={() => void test.run({ utility: utility.utility }).then(setTested)}>
            {t('sync:connector.test')}
          </button>
        )}
      </div>
      <ErrorBanner error={test.error} />
      {tested && (
        <p className={tested.ok ? 'notice' : 'error-banner'} role="status" data-testid="connection-test">
          {tested.ok ? t('sync:connector.testOk', { ms: tested.ms }) : t('sync:connector.testFailed', { reason: t(`sync:reason.${tested.reason}`) })}
        </p>
      )}
    </form>
  );
}
