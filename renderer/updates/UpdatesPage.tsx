import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/core/api/errors.ts';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import { bridge } from '../api/bridge.ts';
import { getToken } from '../api/session.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { formatHallDateTime } from '../shared/hall-clock.ts';
import { useQuery } from '../shared/use-api.ts';
import { DiagnosticsExport } from './DiagnosticsExport.tsx';
import { releaseUploadOrder, uploadReleaseFile } from './release-files.ts';
import '../ledgers/ledgers.css';

type Listing = Extract<OutputOf<Contract['updates/releases']>, { available: true }>;
const platforms = ['windows', 'linuxX64', 'linuxArm64'] as const;

const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);

/**
 * 软件更新 (/manage/updates, administrator): the release the hall serves its PCs per platform,
 * a release uploaded from a browser, and 导出诊断信息. The desktop app's windows reach the hall
 * over IPC, which carries no file uploads: there the page says how to do it instead.
 */
export function UpdatesPage() {
  const { t } = useTranslation();
  const list = useQuery('updates/releases', {});
  const data = list.data;
  return (
    <div className="ledgers-page">
      <h1>{t('updates:title')}</h1>
      <ErrorBanner error={list.error} />
      {data && !data.available && <p className="hint">{t('updates:unavailable')}</p>}
      {data?.available && (
        <>
          <p>{t('updates:hallVersion', { version: data.hallVersion })}</p>
          <ReleasesTable listing={data} />
          {bridge() ? <DesktopHowTo listing={data} /> : <ReleaseUpload onDone={list.reload} />}
        </>
      )}
      <DiagnosticsExport />
    </div>
  );
}

function ReleasesTable({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h2>{t('updates:served')}</h2>
      <table className="plain" aria-label={t('updates:served')}>
        <thead>
          <tr>
            <th>{t('updates:platform')}</th>
            <th>{t('updates:version')}</th>
            <th>{t('updates:installer')}</th>
            <th>{t('updates:releaseDate')}</th>
          </tr>
        </thead>
        <tbody>
          {platforms.map((platform) => {
            const release = listing.releases.find((r) => r.platform === platform);
            return (
              <tr key={platform}>
                <td>{t(`updates:platforms.${platform}`)}</td>
                <td>{release ? release.version : t('updates:none')}</td>
                <td>
                  {release &&
                    (release.installerPresent ? (
                      <span className="ledger-badge">{t('updates:installerPresent', { file: release.file, mb: megabytes(release.sizeBytes ?? 0) })}</span>
                    ) : (
                      <span className="ledger-badge warning">{t('updates:installerMissing', { file: release.file })}</span>
                    ))}
                </td>
                <td>{release?.releaseDate ? formatHallDateTime(release.releaseDate) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{t('updates:clientsUpdate')}</p>
    </section>
  );
}

type Progress = { file: string; index: number; count: number; sent: number; total: number };

/** The browser's upload: the picked files in release order, one PUT each, with a bar over all of them. */
function ReleaseUpload({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<Progress>();
  const [error, setError] = useState<ApiError>();
  const [uploaded, setUploaded] = useState<number>();
  const ordered = releaseUploadOrder(files);
  const total = ordered.reduce((sum, f) => sum + f.size, 0);

  const upload = async () => {
    setError(undefined);
    setUploaded(undefined);
    let done = 0;
    for (const [index, file] of ordered.entries()) {
      setProgress({ file: file.name, index, count: ordered.length, sent: done, total });
      const result = await uploadReleaseFile(file, getToken('staff'), (sent) =>
        setProgress({ file: file.name, index, count: ordered.length, sent: done + sent, total }),
      );
      if (!result.ok) {
        setError(result.error);
        setProgress(undefined);
        onDone();
        return;
      }
      done += file.size;
    }
    setProgress(undefined);
    setUploaded(ordered.length);
    setFiles([]);
    onDone();
  };

  return (
    <section className="card" aria-labelledby="release-upload-title">
      <h2 id="release-upload-title">{t('updates:upload.title')}</h2>
      <p className="hint">{t('updates:upload.intro')}</p>
      <label className="ledger-form">
        {t('updates:upload.pick')}
        <input type="file" multiple disabled={progress !== undefined} onChange={(e) => setFiles([...(e.target.files ?? [])])} />
      </label>
      {ordered.length > 0 && (
        <>
          <p>{t('updates:upload.order')}</p>
          <ol>
            {ordered.map((f) => (
              <li key={f.name}>{t('updates:upload.file', { file: f.name, mb: megabytes(f.size) })}</li>
            ))}
          </ol>
        </>
      )}
      {progress && (
        <div role="status">
          <progress max={progress.total || 1} value={progress.sent} aria-label={t('updates:upload.progress')} />{' '}
          {t('updates:upload.sending', {
            file: progress.file,
            n: progress.index + 1,
            count: progress.count,
            percent: Math.floor((progress.sent / (progress.total || 1)) * 100),
          })}
        </div>
      )}
      <ErrorBanner error={error} />
      {uploaded !== undefined && (
        <p className="notice" role="status">
          {t('updates:upload.done', { count: uploaded })}
        </p>
      )}
      <div className="ledger-actions">
        <button type="button" className="primary" disabled={ordered.length === 0 || progress !== undefined} onClick={() => void upload()}>
          {t('updates:upload.start')}
        </button>
      </div>
    </section>
  );
}

/** In the desktop app: the two ways that need no command line. */
function DesktopHowTo({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="release-howto-title">
      <h2 id="release-howto-title">{t('updates:desktop.title')}</h2>
      <ol>
        <li>{t('updates:desktop.browser', { url: `${listing.hallUrl}/manage/updates` })}</li>
        <li>{t('updates:desktop.folder', { dir: listing.releasesDir })}</li>
      </ol>
      <p className="hint">{t('updates:desktop.order')}</p>
    </section>
  );
}
