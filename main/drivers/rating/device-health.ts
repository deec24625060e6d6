/**
 * 'connected': the port is open and the device answers (or has not yet missed an answer);
 * 'disconnected': the port is gone (unplugged, not there at start);
 * 'no_answer': the port is open but the device does not answer its polls (powered off,
 * wrong address or baud rate, a broken cable behind a USB-serial adapter).
 */
export type DeviceHealth = 'connected' | 'disconnected' | 'no_answer';

export type HeartbeatSettings = {
  intervalMs: number;
  answerTimeoutMs: number;
  missesBeforeNoAnswer: number;
};

export type HealthMonitor = {
  readonly health: DeviceHealth;
  /** The transport opened: the device counts as connected until it misses its polls. */
  linkUp: () => void;
  linkDown: () => void;
  /** A valid frame came from the device: it is alive, whatever it said. */
  answered: () => void;
  stop: () => void;
};

/**
 * The heartbeat: while the link is up, poll at once and then every intervalMs; a poll
 * with no frame back within answerTimeoutMs is a miss, and missesBeforeNoAnswer misses in
 * a row make the device 'no_answer' (one lost frame on a noisy line is not an outage).
 * Without a poll command (a keypad that only ever speaks when pressed) health follows
 * the link alone.
 */
export function createHealthMonitor(options: {
  heartbeat: HeartbeatSettings;
  poll: (() => Promise<void>) | undefined;
  onChange: (health: DeviceHealth, previous: DeviceHealth) => void;
}): HealthMonitor {
  const { heartbeat, poll, onChange } = options;
  let health: DeviceHealth = 'disconnected';
  let misses = 0;
  let awaiting = false;
  let intervalTimer: ReturnType<typeof setInterval> | undefined;
  let answerTimer: ReturnType<typeof setTimeout> | undefined;

  const set = (next: DeviceHealth) => {
    if (next === health) return;
    const previous = health;
    health = next;
    onChange(next, previous);
  };

  const stopPolling = () => {
    clearInterval(intervalTimer);
    clearTimeout(answerTimer);
    intervalTimer = undefined;
    answerTimer = undefined;
    awaiting = false;
  };

  const tick = () => {
    if (!poll) return;
    awaiting = true;
    // A failed write is the transport's to report (as a loss); here it is just a miss.
    poll().catch(() => undefined);
    clearTimeout(answerTimer);
    answerTimer = setTimeout(() => {
      if (!awaiting) return;
      awaiting = false;
      misses++;
      if (misses >= heartbeat.missesBeforeNoAnswer && health === 'connected') set('no_answer');
    }, heartbeat.answerTimeoutMs);
  };

  return {
    get health() {
      return health;
    },
    linkUp() {
      stopPolling();
      misses = 0;
      set('connected');
      if (!poll) return;
      tick();
      intervalTimer = setInterval(tick, heartbeat.intervalMs);
    },
    linkDown() {
      stopPolling();
      set('disconnected');
    },
    answered() {
      if (health === 'disconnected') return;
      awaiting = false;
      clearTimeout(answerTimer);
      misses = 0;
      set('connected');
    },
    stop: stopPolling,
  };
}
