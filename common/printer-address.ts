import { z } from 'zod';

/**
 * Where a kiosk's tickets go: a printer's address as the printer driver reaches it
 * (main/drivers/printer). The core stores and validates it per device
 * (main/core/devices/printer-settings.ts) and the screens edit it: one schema for all three. 'screen' means the
 * kiosk's own browser prints the ticket (A4 or 80 mm through print CSS) or just shows it.
 */
export const printerConfigSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tcp'),
    // A host name or an IPv4/IPv6 address; no scheme, no port, no spaces.
    host: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.:[\]_-]+$/, { message: 'field.printerHost' }),
    // Raw ESC/POS printers listen on 9100 (the "JetDirect" port) unless set otherwise.
    port: z.number().int().min(1).max(65_535).default(9100),
  }),
  z.object({
    kind: z.literal('serial'),
    // /dev/ttyUSB0, /dev/serial/by-id/…, or COM3 on Windows.
    path: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^(\/[\w./:+-]+|COM\d{1,3})$/, { message: 'field.printerPath' }),
    baudRate: z.number().int().min(1200).max(921_600).default(9600),
  }),
  z.object({ kind: z.literal('screen') }),
]);
export type PrinterConfig = z.output<typeof printerConfigSchema>;
