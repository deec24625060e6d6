import { useTranslation } from 'react-i18next';
import type { SyncProgressEvent } from '../../main/core/sync/progress.ts';

/** A run's progress: records answered of the total, then the updates phase, then the result. */
export function SyncProgressBar({ progress }: { progress: SyncProgressEvent }) {
  const { t } = useTranslation();
  const finished = progress.phase === 'succeeded' || progress.phase === 'failed';
  const total = Math.max(progress.total, progress.done, 1);
  return (
    <div className={`sync-progress sync-${progress.phase}`}>
      <progress value={finished ? total : progress.done} max={total} aria-label={t('sync:progress.label', { utility: progress.utility })} />
      <span>
        {t(`sync:phase.${progress.phase}`)} · {t('sync:progress.count', { done: progress.done, total: progress.total })}
        {progress.rejected > 0 && ` · ${t('sync:progress.rejected', { count: progress.rejected })}`}
        {progress.secondsLeft !== null &&
          ` · ${t('sync:progress.left', { minutes: Math.floor(progress.secondsLeft / 60), seconds: progress.secondsLeft % 60 })}`}
      </span>
    </div>
  );
}
