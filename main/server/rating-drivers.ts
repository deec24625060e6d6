import type { Logger } from '../../common/logger.ts';
import type { RatingProfile } from '../../common/rating-profile/profile.ts';
import type { DeviceHealthState } from '../../db/rating-devices.ts';
import type { RatingDevicePort } from '../core/ratings/rating-device-port.ts';
import { type ConfiguredRatingDevice, configureRatingDevice } from '../drivers/rating/configured-device.ts';
import type { RatingDeviceSettings } from '../drivers/rating/device-settings.ts';
import type { OpenHidDevice } from '../drivers/rating/hid-transport.ts';
import type { ReconnectOptions } from '../drivers/rating/transport.ts';

/** A counter's rating device as the hall wants it: the manager's setting or the command line's. */
export type WantedRatingDevice = { counterId: number; settings: RatingDeviceSettings; source: 'manager' | 'command_line' };

/** How a counter's device is doing, for its health row (rating-devices.ts keeps it). */
export type RatingDeviceReport = {
  counterId: number;
  profile: string;
  source: WantedRatingDevice['source'];
  description: string;
  health: DeviceHealthState;
  error: string | null;
};

/**
 * The open drivers of the hall's rating devices. They run on the hall's main thread: the serial
 * and HID bindings cannot poll from a worker thread, and nothing here touches the database:
 * health goes out through `onReport`, invitations come in through the port.
 */
export type RatingDrivers = {
  /** Opens, closes and reopens drivers so exactly `wanted` run; a device whose setting did not change is left open. */
  apply: (wanted: readonly WantedRatingDevice[]) => Promise<void>;
  port: RatingDevicePort;
  close: () => Promise<void>;
};

/** Opens the rating devices' drivers, which report each device's health to `onReport`. */
export type OpenRatingDrivers = (onReport: (report: RatingDeviceReport) => void) => RatingDrivers;

export type RatingDriverOptions = {
  library: ReadonlyMap<string, RatingProfile>;
  logger: Logger;
  reconnect?: ReconnectOptions | undefined;
  openHidDevice?: OpenHidDevice;
};

type Running = { key: string; description: string; configured: ConfiguredRatingDevice | undefined; offHealth?: () => void };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function startRatingDrivers(options: RatingDriverOptions, onReport: (report: RatingDeviceReport) => void): RatingDrivers {
  const { logger, library } = options;
  const running = new Map<number, Running>();
  let closed = false;

  const stop = async (r: Running) => {
    r.offHealth?.();
    if (r.configured?.kind === 'driven') await r.configured.device.stop();
  };

  const start = (want: WantedRatingDevice, key: string): Running => {
    const { counterId, settings, source } = want;
    const report = (health: DeviceHealthState, description: string, error: string | null) => {
      if (!closed) onReport({ counterId, profile: settings.profile, source, description, health, error });
    };
    const r: Running = { key, description: settings.profile, configured: undefined };
    try {
      r.configured = configureRatingDevice(settings, library, { logger, reconnect: options.reconnect, openHidDevice: options.openHidDevice });
    } catch (error) {
      // A wrong setting (unknown profile, serial without a port) must not stop the hall: the counter shows it.
      logger.warn({ counterId, error: errorText(error) }, 'rating device cannot be configured');
      report('disconnected', settings.path ?? settings.profile, errorText(error));
      return r;
    }
    const configured = r.configured;
    if (configured.kind !== 'driven') {
      report('not_driven', configured.kind === 'keyboard' ? 'keyboard' : 'screen', null);
      return r;
    }
    const { device } = configured;
    const description = `${device.profile.name} ${settings.path ?? ''}`.trim();
    r.description = description;
    r.offHealth = device.onHealth((health) => report(health, description, null));
    report(device.health, description, null);
    device.start();
    return r;
  };

  return {
    async apply(wanted) {
      if (closed) return;
      const target = new Map(wanted.map((w) => [w.counterId, w]));
      for (const [counterId, r] of [...running]) {
        const want = target.get(counterId);
        if (want && JSON.stringify(want) === r.key) continue;
        running.delete(counterId);
        await stop(r);
      }
      for (const [counterId, want] of target) if (!running.has(counterId)) running.set(counterId, start(want, JSON.stringify(want)));
    },
    port: {
      async invite(counterId, request) {
        const r = running.get(counterId);
        if (r?.configured?.kind !== 'driven') return { kind: 'none' };
        const { device } = r.configured;
        const outcome = await device.invite(request);
        if (outcome === 'timeout') return { kind: 'timeout' };
        if (typeof outcome === 'string') return { kind: 'none' };
        return { kind: 'rated', level: outcome.level, key: String(outcome.key), channel: device.profile.transport, device: r.description };
      },
      async cancel(counterId) {
        const r = running.get(counterId);
        if (r?.configured?.kind === 'driven') await r.configured.device.cancel();
      },
    },
    async close() {
      closed = true;
      for (const r of running.values()) await stop(r);
      running.clear();
    },
  };
}
