import type { Logger } from '../../../common/logger.ts';
import type { SerialDefaults } from '../../../common/rating-profile/profile.ts';
import { createReconnectingTransport, type OpenLink, type ReconnectOptions, type Transport } from './transport.ts';

export type SerialTarget = SerialDefaults & {
  /** /dev/ttyUSB0, /dev/serial/by-id/…, or COM3 on Windows. */
  path: string;
};

/**
 * Opens a serial port through serialport. Unplugging a USB-serial adapter closes the
 * port with an error (serialport's 'close' with `disconnected`), which is the loss the
 * transport reconnects after; re-opening the same path finds the adapter once it is back.
 */
export function openSerialLink(target: SerialTarget): OpenLink {
  return async (events) => {
    // Loaded on first use: only a counter with a serial keypad needs the native binding,
    // and a platform without its prebuild must still run every other counter.
    const { SerialPort } = await import('serialport');
    const port = new SerialPort({
      path: target.path,
      baudRate: target.baudRate,
      dataBits: target.dataBits,
      parity: target.parity,
      stopBits: target.stopBits,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    let lost = false;
    const lose = (reason: string) => {
      if (lost) return;
      lost = true;
      events.lost(reason);
    };
    port.on('data', (chunk: Buffer) => events.data(chunk));
    port.on('close', (error: Error | null) => lose(error ? `closed: ${error.message}` : 'closed'));
    port.on('error', (error: Error) => lose(`error: ${error.message}`));
    return {
      write: (bytes) =>
        new Promise<void>((resolve, reject) => {
          if (!port.isOpen) return reject(new Error(`${target.path} is closed`));
          port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) => (error ? reject(error) : resolve()));
        }),
      close: () =>
        new Promise<void>((resolve) => {
          lost = true;
          if (!port.isOpen) return resolve();
          // A close error means the port is gone already, which is what close wants.
          port.close(() => resolve());
        }),
    };
  };
}

/** A serial rating device's transport: opens `target.path`, and re-opens it after an unplug. */
export function createSerialTransport(target: SerialTarget, options: { logger: Logger; reconnect?: ReconnectOptions }): Transport {
  return createReconnectingTransport({ description: target.path, open: openSerialLink(target), logger: options.logger, reconnect: options.reconnect });
}
