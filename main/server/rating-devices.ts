import { listCounters } from '../../db/counters.ts';
import { deleteRatingDeviceHealth, listRatingDeviceHealth, listRatingDeviceSettings, saveRatingDeviceHealth } from '../../db/rating-devices.ts';
import type { CoreDeps } from '../core/deps.ts';
import type { Logger } from '../../common/logger.ts';
import { driveRatingDevices } from '../core/ratings/keypad-flow.ts';
import type { RatingDeviceSettings } from '../drivers/rating/device-settings.ts';
import type { OpenRatingDrivers, RatingDeviceReport, WantedRatingDevice } from './rating-drivers.ts';

export type RatingDeviceHubOptions = {
  deps: CoreDeps;
  logger: Logger;
  /** From --rating-device and ONEWINDOW_RATING_DEVICES; these win over the manager's settings for their counters. */
  commandLine: readonly RatingDeviceSettings[];
  /** Opens the drivers: on this thread, or on the hall's main thread when the core runs in its own (core-thread.ts). */
  openDrivers: OpenRatingDrivers;
};

export type RatingDeviceHub = {
  /** Opens, closes and reopens devices after the settings changed. */
  reconcile: () => Promise<void>;
  close: () => Promise<void>;
};

/** "counter3", "3", "Counter-03" → 3: the command line names a counter by its number. */
export function counterNumberOf(name: string): number | undefined {
  const match = /(\d+)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * The hall's rating devices: which counter wants which device (the manager's setting, or the
 * command line's), each device's health in the database for the counter screen and the
 * manager, and the core's keypad flow over the open drivers (core/ratings/keypad-flow.ts),
 * which invites, stores the key pressed and cancels. The drivers themselves open and close the
 * serial or HID keypads (rating-drivers.ts); keyboard keypads and screens need nothing opened.
 */
export function startRatingDevices(options: RatingDeviceHubOptions): RatingDeviceHub {
  const { deps, logger } = options;
  const { db } = deps;
  let closed = false;

  const report = (r: RatingDeviceReport) => {
    if (closed) return;
    saveRatingDeviceHealth(db, { ...r, since: deps.clock.now().toISOString() });
    deps.events.emit('ratings/deviceHealth', { counterId: r.counterId, health: r.health }, ['clerk', 'manager', 'admin']);
  };
  const drivers = options.openDrivers(report);

  /** Every counter's wanted setting: the manager's, replaced by the command line's for the counters it names. */
  const wanted = (): Map<number, WantedRatingDevice> => {
    const counters = listCounters(db);
    const byNumber = new Map(counters.map((c) => [c.number, c]));
    const out = new Map<number, WantedRatingDevice>();
    for (const s of listRatingDeviceSettings(db)) {
      const counter = counters.find((c) => c.id === s.counterId);
      if (!counter) continue;
      out.set(counter.id, {
        counterId: counter.id,
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
      out.set(counter.id, { counterId: counter.id, settings, source: 'command_line' });
    }
    return out;
  };

  const reconcile = async () => {
    if (closed) return;
    const target = wanted();
    await drivers.apply([...target.values()]);
    // Rows of counters no longer configured (closed just now, or left by an earlier run).
    for (const row of listRatingDeviceHealth(db)) if (!target.has(row.counterId)) deleteRatingDeviceHealth(db, row.counterId);
  };

  const offs = [
    driveRatingDevices(deps, drivers.port),
    deps.events.on('ratings/devicesChanged', () => {
      void reconcile().catch((error: unknown) => logger.error({ err: error }, 'reopening rating devices failed'));
    }),
  ];

  return {
    reconcile,
    async close() {
      for (const off of offs) off();
      closed = true;
      await drivers.close();
    },
  };
}
