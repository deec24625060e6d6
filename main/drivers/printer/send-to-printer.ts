import type { PrinterConfig } from '../../../common/printer-address.ts';
import { sendToSerialPrinter } from './serial-printer.ts';
import { sendToTcpPrinter } from './tcp-printer.ts';

export type PhysicalPrinter = Exclude<PrinterConfig, { kind: 'screen' }>;

/** Where a printer is, for logs and error messages. */
export const printerAddress = (printer: PhysicalPrinter): string =>
  printer.kind === 'tcp' ? `tcp://${printer.host}:${printer.port}` : `serial://${printer.path}?baud=${printer.baudRate}`;

// Network thermal printers take one connection at a time and a serial port opens once:
// two kiosks sharing a printer would see one of them refused. Jobs to the same printer
// therefore run one after another.
const lastJob = new Map<string, Promise<unknown>>();

/** Sends one job to a physical printer, after any job already going to the same one. */
export function sendToPrinter(printer: PhysicalPrinter, bytes: Buffer): Promise<void> {
  const key = printerAddress(printer);
  const send = () => (printer.kind === 'tcp' ? sendToTcpPrinter(printer, bytes) : sendToSerialPrinter(printer, bytes));
  const job = (lastJob.get(key) ?? Promise.resolve()).then(send, send);
  const tail = job.catch(() => undefined);
  lastJob.set(key, tail);
  // Forget the printer once idle so the map does not grow with every address ever used.
  void tail.then(() => {
    if (lastJob.get(key) === tail) lastJob.delete(key);
  });
  return job;
}
