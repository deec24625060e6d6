import { type Logger, silentLogger } from '../../../common/logger.ts';
import { type CommandParams, encodeCommand } from './command-encoder.ts';
import { createHealthMonitor, type DeviceHealth } from './device-health.ts';
import { decodeEvent } from './event-decoder.ts';
import { createFrameParser, type Frame, type FrameParserStats } from './frame-parser.ts';
import type { RatedKey } from '../../../common/rating-profile/levels.ts';
import { type CommandName, type FramedProfile, hex } from '../../../common/rating-profile/profile.ts';
import type { Transport } from './transport.ts';

export type InviteRequest = {
  workNo: string;
  name: string;
  /** The window as the customer reads it on the counter: "3", "3号窗口". */
  window: string;
  timeoutSeconds: number;
};

/**
 * How an invitation ended: the customer's key; the device's own timeout (or ours, when
 * its answer never came); the clerk cancelled or invited again; or the device was not
 * there to ask (the counter falls back to the customer-facing screen).
 */
export type InviteOutcome = RatedKey | 'timeout' | 'cancelled' | 'disconnected';

export type RatingDeviceStats = FrameParserStats & {
  /** Frames from another address on the line. */
  otherAddress: number;
  /** Frames the profile's event table does not describe, keys outside the key map included. */
  unknown: number;
  /** Keys pressed while no rating was invited. */
  uninvitedKeys: number;
};

export type RatingDevice = {
  readonly profile: FramedProfile;
  readonly health: DeviceHealth;
  readonly stats: Readonly<RatingDeviceStats>;
  start: () => void;
  stop: () => Promise<void>;
  /** Greets, shows the clerk, invites a rating; resolves when the customer pressed a key or the invitation ended. */
  invite: (request: InviteRequest) => Promise<InviteOutcome>;
  /** Ends a pending invitation ('cancelled') and tells the device. */
  cancel: () => Promise<void>;
  onHealth: (listener: (health: DeviceHealth, previous: DeviceHealth) => void) => () => void;
};

export type RatingDeviceOptions = {
  profile: FramedProfile;
  transport: Transport;
  /** The device's address on its line (ADDR); ignored by protocols without one. */
  address: number;
  /** Each rating as the key arrives, before invite() resolves: where it gets stored. */
  onRating?: (rated: RatedKey) => void;
  logger?: Logger;
  /** Added to the invitation's timeout before we stop waiting for the device's own timeout frame. */
  timeoutGraceMs?: number;
};

type Pending = { settle: (outcome: InviteOutcome) => void };

// Noise can bring a burst of bad frames; one log line per interval says how many.
const badFrameLogIntervalMs = 10_000;

/**
 * Drives one rating device over a transport, entirely from its profile: the bytes it
 * sends, the frames it understands, the heartbeat. Keyboard keypads and the screen do not
 * come through here (they have no frames): see keyboard-keypad.ts.
 */
export function createRatingDevice(options: RatingDeviceOptions): RatingDevice {
  const { profile, transport, address } = options;
  const logger = options.logger ?? silentLogger;
  const graceMs = options.timeoutGraceMs ?? 3_000;
  const device = `${profile.name} on ${transport.description}`;
  const healthListeners = new Set<(health: DeviceHealth, previous: DeviceHealth) => void>();
  const extra = { otherAddress: 0, unknown: 0, uninvitedKeys: 0 };
  let pending: Pending | undefined;
  let gapTimer: ReturnType<typeof setTimeout> | undefined;
  let lastBadFrameLog = 0;
  let badFramesSinceLog = 0;
  const unsubscribe: (() => void)[] = [];

  const send = (command: CommandName, params: CommandParams = {}) => transport.write(encodeCommand(profile, command, params, address));

  const monitor = createHealthMonitor({
    heartbeat: profile.heartbeat,
    poll: profile.commands.poll ? () => send('poll') : undefined,
    onChange(health, previous) {
      logger.info({ device, health, previous }, 'rating device health');
      for (const listener of healthListeners) listener(health, previous);
    },
  });

  const settle = (outcome: InviteOutcome) => {
    const current = pending;
    pending = undefined;
    current?.settle(outcome);
  };

  const onFrame = (frame: Frame) => {
    if (profile.frame.checkAddress && frame.address !== undefined && frame.address !== address) {
      extra.otherAddress++;
      return;
    }
    monitor.answered();
    const event = decodeEvent(profile, frame);
    if (!event) {
      extra.unknown++;
      logger.warn(
        { device, command: hex(frame.command), data: Buffer.from(frame.data).toString('hex') },
        'rating device sent a frame its profile does not describe',
      );
      return;
    }
    if (event.kind === 'status') {
      if (!event.ok) logger.warn({ device, status: event.code }, 'rating device reports a fault');
      return;
    }
    if (!pending) {
      if (event.kind === 'key') extra.uninvitedKeys++;
      return;
    }
    if (event.kind === 'timeout') return settle('timeout');
    const rated = { key: event.key, level: event.level, rating: event.rating } satisfies RatedKey;
    try {
      options.onRating?.(rated);
    } catch (error) {
      // A failed store must not kill the serial port's reader; the invitation still resolves with the rating.
      logger.error({ device, level: rated.level, error: error instanceof Error ? error.message : String(error) }, 'storing a rating failed');
    }
    settle(rated);
  };

  const onBadChecksum = (raw: Uint8Array) => {
    badFramesSinceLog++;
    // An interval between log lines, not a date: the monotonic clock.
    const now = performance.now();
    if (now - lastBadFrameLog < badFrameLogIntervalMs) return;
    logger.warn(
      { device, dropped: badFramesSinceLog, total: parser.stats.badChecksum, example: Buffer.from(raw).toString('hex') },
      'rating device frames with a bad checksum dropped',
    );
    lastBadFrameLog = now;
    badFramesSinceLog = 0;
  };
  const parser = createFrameParser(profile, { onFrame, onBadChecksum }, { maxDataLength: profile.frame.maxReplyDataLength });

  const onData = (bytes: Uint8Array) => {
    parser.push(bytes);
    clearTimeout(gapTimer);
    gapTimer = undefined;
    // Bytes of an unfinished frame: if the line now stays quiet, they were never a frame.
    if (parser.pending > 0) gapTimer = setTimeout(() => parser.expire(), profile.frame.gapTimeoutMs);
  };

  return {
    profile,
    get health() {
      return monitor.health;
    },
    get stats() {
      return { ...parser.stats, ...extra };
    },
    start() {
      if (unsubscribe.length > 0) return;
      unsubscribe.push(
        transport.onData(onData),
        transport.onState((state) => {
          parser.reset();
          if (state === 'connected') return monitor.linkUp();
          monitor.linkDown();
          // A replugged device has forgotten the invitation: waiting on would only time out.
          settle('disconnected');
        }),
      );
      transport.start();
      if (transport.state === 'connected') monitor.linkUp();
    },
    async stop() {
      for (const off of unsubscribe.splice(0)) off();
      clearTimeout(gapTimer);
      monitor.stop();
      settle('cancelled');
      await transport.stop();
      monitor.linkDown();
    },
    async invite(request) {
      // A second invitation replaces the first: the clerk asked again.
      settle('cancelled');
      if (transport.state !== 'connected') return 'disconnected';
      const outcome = new Promise<InviteOutcome>((resolve) => {
        const timer = setTimeout(() => settle('timeout'), request.timeoutSeconds * 1000 + graceMs);
        pending = {
          settle: (result) => {
            clearTimeout(timer);
            resolve(result);
          },
        };
      });
      const mine = pending;
      try {
        // The device shows the greeting and the clerk, then waits for a key; a profile
        // without greet or showStaff just leaves them out.
        for (const command of ['greet', 'showStaff', 'invite'] as const) {
          if (profile.commands[command] && pending === mine) await send(command, request);
        }
      } catch (error) {
        logger.warn({ device, error: error instanceof Error ? error.message : String(error) }, 'rating invitation could not be sent');
        if (pending === mine) settle('disconnected');
      }
      return outcome;
    },
    async cancel() {
      const hadPending = pending !== undefined;
      settle('cancelled');
      if (hadPending && profile.commands.cancel && transport.state === 'connected') await send('cancel').catch(() => undefined);
    },
    onHealth(listener) {
      healthListeners.add(listener);
      return () => healthListeners.delete(listener);
    },
  };
}
