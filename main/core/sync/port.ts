import type { RunTrigger } from '../../../db/sync.ts';
import { fail } from '../api/errors.ts';
import type { SyncFailureReason } from './failure-reason.ts';

/**
 * What the sync methods ask of the process running the sync engine (main/utility-link, which talks
 * to the utilities and so is no part of the core). The hall server plugs in the real one.
 */
export type SyncPort = {
  /** Starts a run for the utility (or every enabled one) in the background; returns those started or already running. */
  runNow: (utility: string | null, trigger: RunTrigger) => string[];
  /** Seals a connector secret for storage (docs/sync-protocol.md, "Secrets"). */
  sealSecret: (plain: string) => string;
  /**
   * The folders a folder connector may write to and read from: the data folder's sync-drops and
   * those the hall's operator named on the command line (--drop-root). Nothing else on the
   * server can be made a drop, whoever edits the connector.
   */
  dropRoots: () => readonly string[];
  /**
   * Tries the connector as saved: an HTTP one gets a signed empty batch (the utility answers it
   * with empty lists), a folder one is checked for writing and reading. Says what went wrong in
   * the words of syncFailureReason.
   */
  testConnection: (utility: string) => Promise<ConnectionTest>;
};

export type ConnectionTest = { ok: true; ms: number } | { ok: false; reason: SyncFailureReason };

export const unavailableSyncPort: SyncPort = {
  runNow: () => fail('conflict', 'errors.sync.unavailable'),
  sealSecret: () => fail('conflict', 'errors.sync.unavailable'),
  dropRoots: () => [],
  testConnection: () => fail('conflict', 'errors.sync.unavailable'),
};
