import type { RunTrigger } from '../../../db/sync.ts';
import { fail } from '../api/errors.ts';

/**
 * What the sync methods ask of the process running the sync engine (main/sync, which talks
 * to the utilities and so is no part of the core). The hall server plugs in the real one.
 */
export type SyncPort = {
  /** Starts a run for the utility (or every enabled one) in the background; returns those started or already running. */
  runNow: (utility: string | null, trigger: RunTrigger) => string[];
  /** Seals a connector secret for storage (docs/sync-protocol.md, "Secrets"). */
  sealSecret: (plain: string) => string;
};

export const unavailableSyncPort: SyncPort = {
  runNow: () => fail('conflict', 'errors.sync.unavailable'),
  sealSecret: () => fail('conflict', 'errors.sync.unavailable'),
};
