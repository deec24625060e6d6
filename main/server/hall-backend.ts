import type { Result } from '../core/api/errors.ts';
import type { Caller, Origin } from '../core/api/caller.ts';
import type { AuditedChange } from '../core/audit/record.ts';
import type { EventBus } from '../core/events.ts';
import type { HallTime } from '../core/hall/contract.ts';

/**
 * What the hall's transports (HTTP, push, the desktop bridge) need of the core. The core and its
 * database run in their own thread (core-thread.ts), so everything that reads the database is
 * asked and answered: the event loop that serves the counters never waits for the disk.
 */
export type HallBackend = {
  /** One API call: token in, result out, errors as data; answered once its writes are durable. */
  call: (name: string, input: unknown, token: string | undefined, origin?: Origin) => Promise<Result<unknown>>;
  /** Who a session token belongs to now (anonymous once it ended or was revoked). */
  resolve: (token: string | undefined) => Promise<Caller>;
  /** The hall's clock and calendar as the screens are told them. */
  hallTime: () => Promise<HallTime>;
  /** Puts a change made outside the API (release files, diagnostics) on the audit trail. */
  audit: (staffId: number, change: AuditedChange) => Promise<void>;
  /** The hall's clock now. */
  now: () => Date;
  /** The screen events, with their sequence numbers, as the core emitted them. */
  events: Pick<EventBus, 'subscribe' | 'since' | 'lastSeq'>;
  /** A paired screen's push feed opened; the returned function says it closed. */
  joinPresence: (deviceId: number) => () => void;
};
