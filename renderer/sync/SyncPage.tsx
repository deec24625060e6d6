import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UtilitySync } from '../../main/core/sync/contract.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { PlainTable } from '../shared/PlainTable.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { ConnectorForm } from './ConnectorForm.tsx';
import { HistorySection } from './HistorySection.tsx';
import { RejectedSection } from './RejectedSection.tsx';
import { QuarantineSection } from './QuarantineSection.tsx';
import { SyncProgressBar } from './SyncProgressBar.tsx';
import { useSyncProgress } from './use-sync-progress.ts';
import './sync.css';
import { formatHallDateTime } from '../shared/hall-clock.ts';

const when = (iso: string | null): string => (iso ? formatHallDateTime(iso) : '—');

/**
 * The manager's sync page (/manage/sync): per utility the last success, what waits, failures,
 * "立即同步" with a progress bar; the selected utility's connector, history and rejected records.
 */
export function SyncPage() {
  const { t, i18n } = useTranslation();
  const overview = useQuery('sync/overview', {}, { refreshOn: ['sync/progress'] });
  const progress = useSyncProgress(overview.reload);
  const runNow = useMutation('sync/runNow');
  const [selected, setSelected] = useState<string>();
  const utilities = overview.data?.utilities ?? [];
  const current = utilities.find((u) => u.utility === selected);
  const name = (u: UtilitySync) => (i18n.language.startsWith('en') ? u.names.en : u.names.zh);

  return (
    <div className="sync-page">
      <h1>{t('sync:page.title')}</h1>
      <ErrorBanner error={overview.error ?? runNow.error} />
      {overview.data && <HallCodeForm hallCode={overview.data.hallCode} onSaved={overview.reload} />}
      <section className="card" aria-labelledby="sync-utilities">
        <div className="sync-heading">
          <h2 id="sync-utilities">{t('sync:utilities.title')}</h2>
          <button type="button" disabled={runNow.pending || !utilities.some((u) => u.connector?.enabled)} onClick={() => void runNow.run({})}>
            {t('sync:runAll')}
          </button>
        </div>
        <PlainTable
          className="sync-table"
          columns={[
            t('sync:utilities.utility'),
            t('sync:utilities.connector'),
            t('sync:utilities.lastSuccess'),
            t('sync:utilities.pending'),
            t('sync:utilities.rejected'),
            t('sync:utilities.failures'),
            t('sync:utilities.progress'),
          ]}
          actions
        >
          {utilities.map((u) => {
            const p = progress[u.utility];
            return (
              <tr key={u.utility} className={u.failures > 0 ? 'sync-failing' : undefined} aria-selected={u.utility === selected}>
                <th scope="row">{name(u)}</th>
                <td>
                  {u.connector
                    ? `${t(`sync:kind.${u.connector.kind}`)}${u.connector.enabled ? '' : ` (${t('sync:utilities.disabled')})`} · ${u.connector.windowStart}–${u.connector.windowEnd}`
                    : t('sync:utilities.none')}
                </td>
                <td>{when(u.lastSuccessAt)}</td>
                <td className={u.pending > 0 && u.lastRun?.state === 'failed' ? 'sync-alert' : undefined}>
                  {u.pending > 0 ? t('sync:utilities.pendingCount', { count: u.pending, open: u.openBatches }) : 0}
                </td>
                <td className={u.rejected > 0 ? 'sync-alert' : undefined}>{u.rejected}</td>
                <td className={u.failures > 0 ? 'sync-alert' : undefined} data-testid={`sync-failures-${u.utility}`}>
                  {u.failures}
                  {u.lastRun?.reason ? ` · ${t(`sync:reason.${u.lastRun.reason}`)}` : ''}
                </td>
                <td>{p ? <SyncProgressBar progress={p} /> : u.running ? t('sync:phase.sending') : ''}</td>
                <td className="sync-actions">
                  <button
                    type="button"
                    disabled={!u.connector?.enabled || runNow.pending || u.running || (p !== undefined && p.phase !== 'succeeded' && p.phase !== 'failed')}
                    onClick={() => void runNow.run({ utility: u.utility })}
                  >
                    {t('sync:runNow')}
                  </button>
                  <button type="button" className="secondary" onClick={() => setSelected(u.utility)}>
                    {t('sync:utilities.open')}
                  </button>
                </td>
              </tr>
            );
          })}
        </PlainTable>
      </section>
      {current && (
        <section className="card sync-detail" aria-label={name(current)}>
          <h2>{name(current)}</h2>
          <ConnectorForm key={current.utility} utility={current} onSaved={overview.reload} />
          <RejectedSection utility={current.utility} onChanged={overview.reload} />
          <QuarantineSection utility={current.utility} />
          <HistorySection utility={current.utility} />
        </section>
      )}
    </div>
  );
}

/** What the core answers before a hall code is set (UNSET_HALL_CODE in main/core/sync/hall-code.ts; the renderer imports only types from main). */
const UNSET_HALL_CODE = 'UNSET';

/** The code the utilities know the hall by; sent with every batch. Before it is set: 未设置 and what to do, never the placeholder value. */
function HallCodeForm({ hallCode, onSaved }: { hallCode: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useMutation('sync/setHallCode');
  const known = hallCode === UNSET_HALL_CODE ? '' : hallCode;
  const [value, setValue] = useState(known);
  useEffect(() => setValue(known), [known]);
  return (
    <form
      className="sync-hall-code"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run({ hallCode: value.trim() }).then((r) => r && onSaved());
      }}
    >
      <label>
        {t('sync:hallCode.label')}{' '}
        <input
          value={value}
          placeholder={known ? undefined : t('sync:hallCode.unset')}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={save.error ? true : undefined}
        />
      </label>
      {!known && (
        <p className="warning" role="status" data-testid="hall-code-unset">
          <strong>{t('sync:hallCode.unset')}</strong> {t('sync:hallCode.unsetPrompt')}
        </p>
      )}
      <button type="submit" className="secondary" disabled={save.pending || value.trim() === '' || value.trim() === known}>
        {t('sync:hallCode.save')}
      </button>
      <ErrorBanner error={save.error} />
    </form>
  );
}
