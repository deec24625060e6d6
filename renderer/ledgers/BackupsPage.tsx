import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { PlainTable } from '../shared/PlainTable.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { formatHallDateTime } from '../shared/hall-clock.ts';
import { BackupPasswordForm } from './BackupPasswordForm.tsx';
import './ledgers.css';

/** Backups (/manage/backups): the copies kept, a copy now, and a restore that takes effect at the next start. */
export function BackupsPage() {
  const { t } = useTranslation();
  const list = useQuery('backups/list', {});
  const run = useMutation('backups/run');
  const cancel = useMutation('backups/cancelRestore');
  const [restoring, setRestoring] = useState<{ name: string; encrypted: boolean }>();
  const data = list.data;
  const keyState = data?.key?.state ?? 'off';

  return (
    <div className="ledgers-page">
      <h1>{t('ledgers:backup.title')}</h1>
      <ErrorBanner error={list.error ?? run.error ?? cancel.error} />
      {data && !data.available && <p className="hint">{t('ledgers:backup.unavailable')}</p>}
      {data?.available && (
        <>
          <p className="hint">{t('ledgers:backup.where', { dir: data.dir ?? '', keep: data.keep ?? 0 })}</p>
          {/* Never "all fine" while copies of citizens' data are written in clear or cannot be written at all. */}
          {keyState === 'off' && (
            <div className="error-banner" role="alert">
              {t('ledgers:backup.notEncrypted')}
            </div>
          )}
          {keyState === 'unreadable' && (
            <div className="error-banner" role="alert">
              {t('ledgers:backup.keyUnreadable', { at: formatHallDateTime(data.key?.setAt ?? '') })}
            </div>
          )}
          {keyState === 'on' && (
            <p className="notice" role="status">
              {t('ledgers:backup.encrypted', { at: formatHallDateTime(data.key?.setAt ?? '') })}
            </p>
          )}
          {data.pending && (
            <div className="notice" role="status">
              {t('ledgers:backup.pending', { name: data.pending.backup, at: formatHallDateTime(data.pending.stagedAt) })}{' '}
              <button type="button" className="secondary" disabled={cancel.pending} onClick={() => void cancel.run({}).then(list.reload)}>
                {t('ledgers:backup.cancelRestore')}
              </button>
            </div>
          )}
          <div className="ledger-actions">
            <button type="button" className="primary" disabled={run.pending} onClick={() => void run.run({}).then(list.reload)}>
              {t(run.pending ? 'ledgers:backup.running' : 'ledgers:backup.runNow')}
            </button>
          </div>
          <section className="card">
            <PlainTable
              className="plain"
              aria-label={t('ledgers:backup.title')}
              columns={[t('ledgers:backup.name'), t('ledgers:backup.size'), t('ledgers:backup.time'), t('ledgers:backup.encryption')]}
              actions
            >
              {[...data.backups].reverse().map((b) => (
                <tr key={b.name}>
                  <td>{b.name}</td>
                  <td>{t('ledgers:attachments.size', { kb: Math.ceil(b.sizeBytes / 1024) })}</td>
                  <td>{formatHallDateTime(b.modifiedAt)}</td>
                  <td>
                    <span className={b.encryption === 'none' ? 'ledger-badge warning' : 'ledger-badge'}>
                      {t(`ledgers:backup.encryptionState.${b.encryption}`)}
                    </span>
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => setRestoring({ name: b.name, encrypted: b.encryption !== 'none' })}>
                      {t('ledgers:backup.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </PlainTable>
          </section>
          {restoring && (
            <RestoreConfirm
              key={restoring.name}
              name={restoring.name}
              encrypted={restoring.encrypted}
              onDone={() => (setRestoring(undefined), list.reload())}
            />
          )}
          <BackupPasswordForm isSet={keyState !== 'off'} onDone={list.reload} />
        </>
      )}
    </div>
  );
}

/** Restoring replaces every record since the backup: the manager types the file's name to confirm, and an encrypted one's password. */
function RestoreConfirm({ name, encrypted, onDone }: { name: string; encrypted: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const restore = useMutation('backups/restore');
  const fieldError = useFieldError(restore.error);
  const [confirm, setConfirm] = useState('');
  const [password, setPassword] = useState('');
  return (
    <section className="card" role="alertdialog" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('ledgers:backup.confirmTitle', { name })}</h2>
      <p>{t('ledgers:backup.confirmText')}</p>
      <label className="ledger-form">
        {t('ledgers:backup.confirmLabel', { name })}
        <input value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        {fieldError('confirm') && <span className="field-error">{fieldError('confirm')}</span>}
      </label>
      {encrypted && (
        <label className="ledger-form">
          {t('ledgers:backup.restorePassword')}
          <input type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
          <span className="hint">{t('ledgers:backup.restorePasswordHint')}</span>
        </label>
      )}
      {!restore.error?.details?.fields && <ErrorBanner error={restore.error} />}
      <div className="ledger-actions">
        <button
          type="button"
          className="primary"
          disabled={confirm !== name || (encrypted && password === '') || restore.pending}
          onClick={() => void restore.run(encrypted ? { name, confirm, password } : { name, confirm }).then((r) => r && onDone())}
        >
          {t('ledgers:backup.stage')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('ledgers:cancel')}
        </button>
      </div>
    </section>
  );
}
