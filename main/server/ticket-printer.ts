import type { Db } from '../../db/connection.ts';
import type { CorePorts } from '../core/deps.ts';
import type { PrinterConfig } from '../../common/printer-address.ts';
import { readDevicePrinter } from '../core/devices/printer-settings.ts';
import type { Logger } from '../../common/logger.ts';
import { hallClock, hallDay } from '../../common/hall-time.ts';
import { hallTimeZone } from '../core/hall/time-zone.ts';
import { encodeTicket } from '../drivers/printer/escpos.ts';
import { PrinterError } from '../drivers/printer/printer-error.ts';
import { printerAddress, sendToPrinter } from '../drivers/printer/send-to-printer.ts';
import { ticketText } from '../drivers/printer/ticket-text.ts';

export type TicketPrinterOptions = {
  db: Db;
  logger: Logger;
  /** The hall-wide printer for devices without their own (and for tickets a clerk issues); none means the screen. */
  defaultPrinter?: PrinterConfig;
  /** The base URL customers' phones reach the hall on; read per ticket because it is known only once the server listens. */
  publicUrl: () => string;
};

/** A ticket's issue time as the clock on the hall's wall reads it: 23:30 UTC is already the next morning in Shanghai. */
export function ticketTime(issuedAt: string, timeZone: string): string {
  const at = new Date(issuedAt);
  return `${hallDay(at, timeZone)} ${hallClock(at, timeZone)}`;
}

/**
 * The core's printTicket port: finds the device's printer (its own, else the hall
 * default), encodes the ticket and sends it. A printer that fails is logged and the
 * ticket falls back to the screen, so the customer is never left without a number.
 */
export function createTicketPrinter(options: TicketPrinterOptions): CorePorts['printTicket'] {
  const { db, logger } = options;
  return async (ticket, deviceId) => {
    const printer = (deviceId === null ? undefined : readDevicePrinter(db, deviceId)) ?? options.defaultPrinter;
    if (!printer || printer.kind === 'screen') return 'screen';
    // Joined as text, not new URL(path, base): a hall behind a proxy keeps its path prefix.
    const statusUrl = `${options.publicUrl().replace(/\/+$/, '')}${ticket.statusPath}`;
    try {
      await sendToPrinter(printer, encodeTicket(ticket, { statusUrl, text: ticketText, issuedAt: ticketTime(ticket.issuedAt, hallTimeZone(db)) }));
      return 'printer';
    } catch (error) {
      logger.warn(
        {
          event: 'ticket.printFailed',
          deviceId,
          ticketId: ticket.id,
          number: ticket.number,
          printer: printerAddress(printer),
          failure: error instanceof PrinterError ? error.failure : 'io',
          err: error instanceof Error ? error.message : String(error),
        },
        'ticket printer failed; the ticket is shown on screen instead',
      );
      return 'screen';
    }
  };
}
