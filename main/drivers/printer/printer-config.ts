import { z } from 'zod';

/**
 * Where a kiosk's tickets go: a printer's address as this driver reaches it. The core stores
 * and validates it per device (main/core/devices/printer-settings.ts). 'screen' means the
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

/**
 * The hall-wide default printer as written on the command line or in ONEWINDOW_PRINTER:
 *   tcp://192.168.1.50:9100   (port defaults to 9100)
 *   serial:///dev/ttyUSB0?baud=19200   serial://COM3?baud=9600   (baud defaults to 9600)
 *   screen
 * Throws with a message that shows the accepted forms.
 */
export function parsePrinterUrl(text: string): PrinterConfig {
  const value = text.trim();
  const invalid = (why: string) => new Error(`invalid printer "${text}": ${why}; use tcp://HOST:9100, serial:///dev/ttyUSB0?baud=19200 or screen`);
  if (value === 'screen') return { kind: 'screen' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('not a URL');
  }
  const candidate =
    url.protocol === 'tcp:'
      ? { kind: 'tcp', host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port === '' ? 9100 : Number(url.port) }
      : url.protocol === 'serial:'
        ? // serial:///dev/ttyUSB0 has the device as its path; serial://COM3 has it as the host.
          { kind: 'serial', path: url.host ? url.host.toUpperCase() : decodeURIComponent(url.pathname), baudRate: Number(url.searchParams.get('baud') ?? 9600) }
        : undefined;
  if (!candidate) throw invalid(`unknown scheme ${url.protocol}`);
  const parsed = printerConfigSchema.safeParse(candidate);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(', '));
  return parsed.data;
}
