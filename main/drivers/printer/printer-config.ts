import { type PrinterConfig, printerConfigSchema } from '../../../common/printer-address.ts';

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
