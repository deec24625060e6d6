import { errnoCode, PrinterError } from './printer-error.ts';

export type SerialPrinterTarget = { path: string; baudRate: number };
export type SerialSendOptions = { timeoutMs?: number };

// A ticket is about 600 bytes: under a second even at 9600 baud. Longer means the
// printer holds the line (flow control: out of paper, cover open) or is not there.
const defaultTimeoutMs = 10_000;

/**
 * Sends one job to a printer on a serial port (USB-serial adapters included): open,
 * write, wait until the bytes have left the port (tcdrain), close. Rejects with a
 * PrinterError that says what went wrong.
 */
export async function sendToSerialPrinter(target: SerialPrinterTarget, bytes: Buffer, options: SerialSendOptions = {}): Promise<void> {
  // Loaded on first use: the native binding is only needed by a hall with a serial
  // printer, and a platform without a prebuild must still run every other hall.
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ path: target.path, baudRate: target.baudRate, autoOpen: false });
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const step = (run: (done: (error: Error | null | undefined) => void) => void) =>
    new Promise<void>((resolve, reject) => run((error) => (error ? reject(error) : resolve())));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PrinterError('timeout', `printer on ${target.path} did not take the ticket within ${timeoutMs} ms (out of paper or cover open?)`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([
      (async () => {
        await step((done) => port.open(done)).catch((error: unknown) => {
          throw describeOpenError(error, target.path);
        });
        await step((done) => port.write(bytes, done));
        await step((done) => port.drain(done));
      })(),
      timedOut,
    ]);
  } catch (error) {
    throw error instanceof PrinterError
      ? error
      : new PrinterError('io', `printing to ${target.path} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
    if (port.isOpen) await step((done) => port.close(done)).catch(() => undefined);
  }
}

function describeOpenError(error: unknown, path: string): PrinterError {
  const message = error instanceof Error ? error.message : String(error);
  // serialport reports "Error: No such file or directory, cannot open /dev/…" without an errno code.
  if (errnoCode(error) === 'ENOENT' || /no such file/i.test(message))
    return new PrinterError('not_found', `no serial port at ${path}: is the printer plugged in?`, { cause: error });
  if (/resource temporarily unavailable|busy|lock/i.test(message))
    return new PrinterError('busy', `serial port ${path} is in use by another program`, { cause: error });
  if (/permission denied/i.test(message))
    return new PrinterError('io', `no permission to open ${path}: add the hall server's user to the dialout group`, { cause: error });
  return new PrinterError('io', `cannot open serial port ${path}: ${message}`, { cause: error });
}
