import type { BatchRecord } from '../../db/sync.ts';
import type { BatchAnswer, BatchHeader, UpdatesPage } from './protocol.ts';

/** An answer now (HTTP), or later from the reply folder (a file drop). */
export type SendResult = { kind: 'answer'; answer: BatchAnswer } | { kind: 'awaiting' };

/** How one utility is reached; the engine (run-sync.ts) does not care which kind it is. */
export type Connector = {
  kind: 'http' | 'folder';
  /** Builds its own body from the records (a file drop, the 好差评 platform's fields): the engine hands it the rows. */
  needsRecords?: boolean;
  /** Delivers a batch (`body`: the JSON request body in parts, protocol.ts). Safe to call again with the same batch: the utility drops repeats. */
  send: (header: BatchHeader, body: readonly string[], records: readonly BatchRecord[]) => Promise<SendResult>;
  /** An answer that has arrived since the batch was delivered (file drops only). */
  collectAnswer?: (batchId: string) => Promise<BatchAnswer | undefined>;
  /** One page of status updates after `cursor`; an empty page means there is nothing more. */
  pullUpdates: (cursor: string | null) => Promise<UpdatesPage>;
  /** Called once an answer from `collectAnswer` is safely recorded (file drops file it away). */
  answerRecorded?: (batchId: string) => Promise<void>;
  /** Lets go of kept-alive connections at the end of a run. */
  close?: () => void;
};
