import { useEffect, useState } from 'react';
import type { SyncProgressEvent } from '../../main/core/sync/progress.ts';
import { usePush } from '../shared/PushProvider.tsx';

/** The latest progress of each utility's run, as pushed (`sync/progress`). */
export function useSyncProgress(onFinished: () => void): Record<string, SyncProgressEvent> {
  const push = usePush();
  const [progress, setProgress] = useState<Record<string, SyncProgressEvent>>({});
  useEffect(() => {
    if (!push) return;
    return push.onEvent((event) => {
      if (event.type !== 'sync/progress') return;
      const p = event.payload;
      setProgress((current) => ({ ...current, [p.utility]: p }));
      if (p.phase === 'succeeded' || p.phase === 'failed') onFinished();
    });
  }, [push, onFinished]);
  return progress;
}
