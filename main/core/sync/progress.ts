/** A run's progress as pushed to managers (`sync/progress`); main/utility-link/run-sync.ts produces it. */
export type SyncProgressEvent = {
  utility: string;
  runId: number;
  phase: 'sending' | 'updates' | 'succeeded' | 'failed';
  done: number;
  total: number;
  accepted: number;
  rejected: number;
  updates: number;
  error: string | null;
  /** Seconds left while sending, from the pace of the records answered so far; null before the first answer. */
  secondsLeft: number | null;
};
