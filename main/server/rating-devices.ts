import { listCounters } from '../../db/counters.ts';
import {
  deleteRatingDeviceHealth,
  type DeviceHealthState,
  listRatingDeviceHealth,
  listRatingDeviceSettings,
  saveRatingDeviceHealth,
} from '../../db/rating-devices.ts';
import type { Core } from '../core/create-core.ts';
import type { Logger } from '../../common/logger.ts';
import { driveRatingDevices } from '../core/ratings/keypad-flow.ts';
import type { RatingDevicePort } from '../core/ratings/rating-device-port.ts';
import { type ConfiguredRatingDevice, configureRatingDevice } from '../drivers/rating/configured-device.ts';
import type { RatingDeviceSettings } from '../drivers/rating/device-settings.ts';
import type { OpenHidDevice } from '../drivers/rating/hid-transport.ts';
import type { RatingProfile } from '../../common/rating-profile/profile.ts';
import type { ReconnectOptions } from '../drivers/rating/transport.ts';

export type RatingDeviceHubOptions = {
  core: Core;
  logger: Logger;
  library: ReadonlyMap<string, RatingProfile>;
  /** From --rating-device and ONEWINDOW_RATING_DEVICES; these win over the manager's settings for their counters. */
  commandLine: readonly RatingDeviceSettings[];
  reconnect?: ReconnectOptions;
  openHidDevice?: OpenHidDevice;
};

export type RatingDeviceHub = {
  /** Opens, closes and reopens devices after the settings changed. */
  reconcile: () => Promise<void>;
  close: () => Promise<void>;
};

type Running = {
  key: string;
  counterId: number;
  description: string;
  source: 'manager' | 'command_line';
  configured: ConfiguredRatingDevice | undefined;
  offHealth?: () => void;
};

/** "counter3", "3", "Counter-03" → 3: the command line names a counter by its number. */
export function counterNumberOf(name: string): number | undefined {
  const match = /(\d+)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The hall's rating devices: opens and closes each counter's serial or HID keypad (the
 * manager's setting, or the command line's), keeps its health in the database for the counter
 * screen and the manager, and lends the open drivers to the core, whose keypad flow invites,
 * stores the key pressed and cancels (core/ratings/keypad-flow.ts).
 * Keyboard keypads and screens need nothing opened: their health row says so.
 */
export function startRatingDevices(options: RatingDeviceHubOptions): RatingDeviceHub {
  const { core, logger, library } = options;
  const { db } = core.deps;
  const running = new Map<number, Running>();
  let closed = false;

  const writeHealth = (r: Running, settings: RatingDeviceSettings, health: DeviceHealthState, description: string, error: string | null) => {
    if (closed) return;
    saveRatingDeviceHealth(db, {
      counterId: r.counterId,
      profile: settings.profile,
      description,
      source: r.source,
      health,
      since: core.deps.clock.now().toISOString(),
      error,
    });
    core.events.emit('ratings/deviceHealth', { counterId: r.counterId, health }, ['clerk', 'manager', 'admin']);
  };

  /** Every counter's wanted setting: the manager's, replaced by the command line's for the counters it names. */
  const wanted = (): Map<number, { settings: RatingDeviceSettings; source: 'manager' | 'command_line' }> => {
    const counters = listCounters(db);
    const byNumber = new Map(counters.map((c) => [c.number, c]));
    const out = new Map<number, { settings: RatingDeviceSettings; source: 'manager' | 'command_line' }>();
    for (const s of listRatingDeviceSettings(db)) {
      const counter = counters.find((c) => c.id === s.counterId);
      if (!counter) continue;
      out.set(counter.id, {
        source: 'manager',
        settings: {
          counter: String(counter.number),
          profile: s.profile,
          path: s.path ?? undefined,
          address: s.address,
          baudRate: s.baudRate ?? undefined,
          dataBits: undefined,
          parity: undefined,
          stopBits: undefined,
        },
      });
    }
    for (const settings of options.commandLine) {
      const number = counterNumberOf(settings.counter);
      const counter = number === undefined ? undefined : byNumber.get(number);
      if (!counter) {
        logger.warn({ counter: settings.counter }, 'rating device setting names no counter of this hall; ignored');
        continue;
      }
      out.set(counter.id, { settings, source: 'command_line' });
    }
    return out;
  };

  const stop = async (r: Running) => {
    r.offHealth?.();
    if (r.configured?.kind === 'driven') await r.configured.device.stop();
  };

  const start = (counterId: number, settings: RatingDeviceSettings, source: 'manager' | 'command_line', key: string): Running => {
    const r: Running = { key, counterId, description: settings.profile, source, configured: undefined };
    try {
      r.configured = configureRatingDevice(settings, library, { logger, reconnect: options.reconnect, openHidDevice: options.openHidDevice });
    } catch (error) {
      // A wrong setting (unknown profile, serial without a port) must not stop the hall: the counter shows it.
      logger.warn({ counterId, error: errorText(error) }, 'rating device cannot be configured');
      writeHealth(r, settings, 'disconnected', settings.path ?? settings.profile, errorText(error));
      return r;
    }
    const configured = r.configured;
    if (configured.kind !== 'driven') {
      writeHealth(r, settings, 'not_driven', configured.kind === 'keyboard' ? 'keyboard' : 'screen', null);
      return r;
    }
    const { device } = configured;
    const description = `${device.profile.name} ${settings.path ?? ''}`.trim();
    r.description = description;
    r.offHealth = device.onHealth((health) => writeHealth(r, settings, health, description, null));
    writeHealth(r, settings, device.health, description, null);
    device.start();
    return r;
  };

  const reconcile = async () => {
    if (closed) return;
    const target = wanted();
    for (const [counterId, r] of [...running]) {
      const want = target.get(counterId);
      if (want && JSON.stringify(want) === r.key) continue;
      running.delete(counterId);
      await stop(r);
      if (!want) deleteRatingDeviceHealth(db, counterId);
    }
    for (const [counterId, want] of target) {
      if (!running.has(counterId)) running.set(counterId, start(counterId, want.settings, want.source, JSON.stringify(want)));
    }
    // Rows of counters no longer configured (left by an earlier run).
    for (const row of listRatingDeviceHealth(db)) if (!target.has(row.counterId)) deleteRatingDeviceHealth(db, row.counterId);
  };

  /** The drivers this hub opened, as the core's keypad flow asks for them (core/ratings/keypad-flow.ts). */
  const port: RatingDevicePort = {
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
  };

  const offs = [
    driveRatingDevices(core.deps, port),
    core.events.on('ratings/devicesChanged', () => {
      void reconcile().catch((error: unknown) => logger.error({ err: error }, 'reopening rating devices failed'));
    }),
  ];

  return {
    reconcile,
    async close() {
      for (const off of offs) off();
      closed = true;
      for (const r of running.values()) await stop(r);
      running.clear();
    },
  };
}
