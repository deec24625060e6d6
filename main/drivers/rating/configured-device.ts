import type { Logger } from '../../../common/logger.ts';
import type { RatingDeviceSettings } from './device-settings.ts';
import { createHidTransport, type OpenHidDevice } from './hid-transport.ts';
import type { KeyboardProfile, RatingProfile, ScreenProfile } from '../../../common/rating-profile/profile.ts';
import { createRatingDevice, type RatingDevice, type RatingDeviceOptions } from './rating-device.ts';
import { createSerialTransport, type SerialTarget } from './serial-transport.ts';
import type { ReconnectOptions } from './transport.ts';

/**
 * A counter's rating device as its settings describe it: a driven device for serial and
 * HID profiles; for a keyboard keypad or the customer-facing screen only the profile,
 * which the counter's window uses (keyboard-keypad.ts) — there is nothing to open.
 */
export type ConfiguredRatingDevice =
  | { kind: 'driven'; counter: string; device: RatingDevice }
  | { kind: 'keyboard'; counter: string; profile: KeyboardProfile }
  | { kind: 'screen'; counter: string; profile: ScreenProfile };

/** The serial port settings: the profile's defaults, overridden by the counter's settings. */
export function serialTargetOf(profile: RatingProfile & { transport: 'serial' }, settings: RatingDeviceSettings): SerialTarget {
  if (settings.path === undefined)
    throw new Error(
      `counter ${settings.counter}: profile ${profile.name} is a serial device and needs a port (${settings.counter}=${profile.name}:/dev/ttyUSB0)`,
    );
  return {
    path: settings.path,
    baudRate: settings.baudRate ?? profile.serial.baudRate,
    dataBits: settings.dataBits ?? profile.serial.dataBits,
    parity: settings.parity ?? profile.serial.parity,
    stopBits: settings.stopBits ?? profile.serial.stopBits,
  };
}

export function configureRatingDevice(
  settings: RatingDeviceSettings,
  library: ReadonlyMap<string, RatingProfile>,
  options: { logger: Logger; reconnect?: ReconnectOptions; onRating?: RatingDeviceOptions['onRating']; openHidDevice?: OpenHidDevice },
): ConfiguredRatingDevice {
  const profile = library.get(settings.profile);
  if (!profile) throw new Error(`counter ${settings.counter}: no rating device profile "${settings.profile}" (known: ${[...library.keys()].join(', ')})`);
  const { counter } = settings;
  if (profile.transport === 'keyboard') return { kind: 'keyboard', counter, profile };
  if (profile.transport === 'screen') return { kind: 'screen', counter, profile };
  const transport =
    profile.transport === 'serial'
      ? createSerialTransport(serialTargetOf(profile, settings), { logger: options.logger, reconnect: options.reconnect })
      : createHidTransport(
          {
            vendorId: profile.hid.vendorId,
            productId: profile.hid.productId,
            path: settings.path,
            reportId: profile.hid.reportId,
            reportSize: profile.hid.reportSize,
          },
          { logger: options.logger, reconnect: options.reconnect, openDevice: options.openHidDevice },
        );
  return {
    kind: 'driven',
    counter,
    device: createRatingDevice({ profile, transport, address: settings.address, logger: options.logger, onRating: options.onRating }),
  };
}
