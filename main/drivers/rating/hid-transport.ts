import type { Logger } from '../../../common/logger.ts';
import { createReconnectingTransport, type OpenLink, type ReconnectOptions, type Transport } from './transport.ts';

/**
 * The part of node-hid's HID device the transport uses. node-hid itself is loaded only
 * when a counter is configured with a HID keypad (nodeHidOpener): it is a native module
 * with no prebuild for every platform, and no HID rating device can exist on a build or
 * test machine. Tests inject a stand-in of this shape.
 */
export type HidDevice = {
  /** Writes one output report: the report ID, then the payload. Returns the bytes written. */
  write: (values: number[]) => number;
  on(event: 'data', listener: (data: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close: () => void;
};

/** Opens the device, or throws when it is not plugged in. */
export type OpenHidDevice = () => Promise<HidDevice>;

export type HidReportOptions = {
  /** First byte of every output report; 0 for unnumbered reports. */
  reportId: number;
  /** Payload bytes per report. */
  reportSize: number;
};

/**
 * A frame longer than one report goes out in several, the last zero-padded (HID reports
 * have a fixed size). Input reports are passed to the parser whole: their zero padding
 * is noise to it, skipped like any other byte that does not start a frame.
 */
export function splitIntoReports(bytes: Uint8Array, options: HidReportOptions): number[][] {
  const reports: number[][] = [];
  for (let at = 0; at < bytes.length; at += options.reportSize) {
    const report = new Array<number>(options.reportSize + 1).fill(0);
    report[0] = options.reportId;
    bytes.subarray(at, at + options.reportSize).forEach((byte, i) => (report[i + 1] = byte));
    reports.push(report);
  }
  return reports;
}

export function openHidLink(openDevice: OpenHidDevice, options: HidReportOptions): OpenLink {
  return async (events) => {
    const device = await openDevice();
    let closed = false;
    device.on('data', (data) => events.data(data));
    // node-hid reports an unplug as an error on the next read.
    device.on('error', (error) => {
      if (!closed) events.lost(`error: ${error.message}`);
    });
    return {
      async write(bytes) {
        for (const report of splitIntoReports(bytes, options)) {
          const written = device.write(report);
          if (written < 0) throw new Error(`HID write returned ${written}`);
        }
      },
      async close() {
        if (closed) return;
        closed = true;
        try {
          device.close();
        } catch {
          // Closing a device that was unplugged throws; it is closed either way.
        }
      },
    };
  };
}

export type HidTarget = { vendorId: number; productId: number; /** A platform path, when two identical keypads are plugged in. */ path?: string };

type NodeHidModule = { HID: new (...args: [string] | [number, number]) => HidDevice };

const isNodeHid = (value: unknown): value is NodeHidModule => typeof value === 'object' && value !== null && 'HID' in value && typeof value.HID === 'function';

/**
 * Opens a device with node-hid, loading it on first use. Not exercised by the tests (no
 * HID device here, and node-hid is not installed): install it with `npm install node-hid`
 * on a hall PC that has a HID keypad.
 */
export function nodeHidOpener(target: HidTarget): OpenHidDevice {
  return async () => {
    // A variable specifier: the build must not require node-hid to be installed.
    const specifier = 'node-hid';
    const loaded: unknown = await import(specifier).catch((error: unknown) => {
      throw new Error(`HID rating devices need node-hid (npm install node-hid): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    const module = isNodeHid(loaded)
      ? loaded
      : typeof loaded === 'object' && loaded !== null && 'default' in loaded && isNodeHid(loaded.default)
        ? loaded.default
        : undefined;
    if (!module) throw new Error('node-hid does not export HID');
    return target.path ? new module.HID(target.path) : new module.HID(target.vendorId, target.productId);
  };
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export function createHidTransport(
  target: HidTarget & HidReportOptions,
  options: { logger: Logger; reconnect?: ReconnectOptions; openDevice?: OpenHidDevice },
): Transport {
  return createReconnectingTransport({
    description: target.path ?? `hid ${hex4(target.vendorId)}:${hex4(target.productId)}`,
    open: openHidLink(options.openDevice ?? nodeHidOpener(target), target),
    logger: options.logger,
    reconnect: options.reconnect,
  });
}
