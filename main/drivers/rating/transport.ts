import type { Logger } from '../../../common/logger.ts';

export type TransportState = 'connected' | 'disconnected';

/** A byte pipe to one device that keeps itself connected: the driver never re-opens anything. */
export type Transport = {
  /** For logs and the manager's device page: "/dev/ttyUSB0", "hid 1a86:e010". */
  readonly description: string;
  readonly state: TransportState;
  /** Opens now and re-opens after every loss until stop(). */
  start: () => void;
  stop: () => Promise<void>;
  /** Rejects when not connected or when the write fails (the loss is reported through onState too). */
  write: (bytes: Uint8Array) => Promise<void>;
  onData: (listener: (bytes: Uint8Array) => void) => () => void;
  onState: (listener: (state: TransportState, reason: string) => void) => () => void;
};

/** One opened connection; when it breaks, the transport throws it away and opens another. */
export type Link = {
  write: (bytes: Uint8Array) => Promise<void>;
  close: () => Promise<void>;
};

export type LinkEvents = {
  data: (bytes: Uint8Array) => void;
  /** The link broke (unplugged, read error): called at most once per link. */
  lost: (reason: string) => void;
};

/** Opens a link, or rejects when the device is not there (yet). */
export type OpenLink = (events: LinkEvents) => Promise<Link>;

export type ReconnectOptions = {
  /** First wait after a loss or a failed open; doubles on each failure up to maxMs. */
  initialMs?: number;
  maxMs?: number;
};

const defaultReconnect = { initialMs: 200, maxMs: 2_000 };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Keeps a link open: opens it, and after it breaks (or when it cannot be opened: the
 * device is not plugged in yet) tries again with a doubling backoff, capped so a replugged
 * keypad is back within a couple of seconds. Serial and HID differ only in `open`.
 */
export function createReconnectingTransport(options: { description: string; open: OpenLink; reconnect?: ReconnectOptions; logger: Logger }): Transport {
  const { description, open, logger } = options;
  const initialMs = options.reconnect?.initialMs ?? defaultReconnect.initialMs;
  const maxMs = options.reconnect?.maxMs ?? defaultReconnect.maxMs;
  const dataListeners = new Set<(bytes: Uint8Array) => void>();
  const stateListeners = new Set<(state: TransportState, reason: string) => void>();
  let state: TransportState = 'disconnected';
  let link: Link | undefined;
  let running = false;
  // Each attempt gets a number, so events of a link already given up are ignored.
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let delayMs = initialMs;
  let failedOpens = 0;

  const setState = (next: TransportState, reason: string) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next, reason);
  };

  const scheduleRetry = () => {
    if (!running || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delayMs);
    delayMs = Math.min(maxMs, delayMs * 2);
  };

  const lose = (mine: number, reason: string) => {
    if (mine !== attempt || !link) return;
    const lost = link;
    link = undefined;
    void lost.close().catch(() => undefined);
    logger.warn({ device: description, reason }, 'rating device connection lost');
    setState('disconnected', reason);
    scheduleRetry();
  };

  async function connect(): Promise<void> {
    if (!running) return;
    const mine = ++attempt;
    try {
      const opened = await open({
        data: (bytes) => {
          if (mine === attempt) for (const listener of dataListeners) listener(bytes);
        },
        lost: (reason) => lose(mine, reason),
      });
      if (mine !== attempt || !running) {
        await opened.close().catch(() => undefined);
        return;
      }
      link = opened;
      delayMs = initialMs;
      if (failedOpens > 0) logger.info({ device: description, failedOpens }, 'rating device connected again');
      failedOpens = 0;
      setState('connected', 'opened');
    } catch (error) {
      if (mine !== attempt) return;
      // Only the first failure is worth a log line: the rest are the same unplugged device.
      if (failedOpens++ === 0) logger.warn({ device: description, error: errorText(error) }, 'rating device cannot be opened; retrying');
      setState('disconnected', errorText(error));
      scheduleRetry();
    }
  }

  return {
    description,
    get state() {
      return state;
    },
    start() {
      if (running) return;
      running = true;
      delayMs = initialMs;
      void connect();
    },
    async stop() {
      running = false;
      attempt++;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      const closing = link;
      link = undefined;
      setState('disconnected', 'stopped');
      await closing?.close().catch(() => undefined);
    },
    async write(bytes) {
      if (!link) throw new Error(`${description} is not connected`);
      const mine = attempt;
      try {
        await link.write(bytes);
      } catch (error) {
        lose(mine, `write failed: ${errorText(error)}`);
        throw error;
      }
    },
    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };
}
