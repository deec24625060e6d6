import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/core/api/errors.ts';
import { bridge } from '../api/bridge.ts';
import { send } from '../api/client.ts';
import { getToken } from '../api/session.ts';
import { downloadFile } from '../shared/download-file.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { bytesOfBase64, fetchDiagnosticsZip } from './release-files.ts';

type Outcome = { kind: 'saved'; leftOut: number } | { kind: 'unavailable' };

/**
 * 导出诊断信息: a zip for support without personal data. A browser downloads the hall's
 * /api/diagnostics.zip whole; the desktop app gets it over IPC from diagnostics/export, with the
 * newest 20 MB of logs so the answer stays reasonable (said on screen).
 */
export function DiagnosticsExport() {
  const { t } = useTranslation();
  const desktop = bridge() !== undefined;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [outcome, setOutcome] = useState<Outcome>();

  const run = async () => {
    setPending(true);
    setError(undefined);
    setOutcome(undefined);
    if (desktop) {
      const result = await send('diagnostics/export', {});
      if (!result.ok) setError(result.error);
      else if (!result.value.available) setOutcome({ kind: 'unavailable' });
      else {
        downloadFile(result.value.fileName, bytesOfBase64(result.value.zipBase64), 'application/zip');
        setOutcome({ kind: 'saved', leftOut: result.value.logFilesLeftOut });
      }
    } else {
      const result = await fetchDiagnosticsZip(getToken('staff'));
      if (!result.ok) setError(result.error);
      else {
        downloadFile(result.value.name, result.value.bytes, 'application/zip');
        setOutcome({ kind: 'saved', leftOut: 0 });
      }
    }
    setPending(false);
  };

  return (
    <section className="card" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{t('updates:diagnostics.title')}</h2>
      <p className="hint">{t('updates:diagnostics.intro')}</p>
      {desktop && <p className="hint">{t('updates:diagnostics.desktopLimit')}</p>}
      <ErrorBanner error={error} />
      {outcome?.kind === 'unavailable' && <p className="hint">{t('updates:unavailable')}</p>}
      {outcome?.kind === 'saved' && (
        <p className="notice" role="status">
          {t('updates:diagnostics.saved')}
          {outcome.leftOut > 0 && ` ${t('updates:diagnostics.leftOut', { count: outcome.leftOut })}`}
        </p>
      )}
      <div className="ledger-actions">
        <button type="button" className="primary" disabled={pending} onClick={() => void run()}>
          {t(pending ? 'updates:diagnostics.running' : 'updates:diagnostics.button')}
        </button>
      </div>
    </section>
  );
}
