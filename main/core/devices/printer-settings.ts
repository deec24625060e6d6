import type { Db } from '../../../db/connection.ts';
import { deleteSetting, getSetting, setSetting } from '../../../db/settings.ts';
import { type PrinterConfig, printerConfigSchema } from '../../../common/printer-address.ts';
import { devicePrinterKey } from './printer-config.ts';

/**
 * The printer stored for a device, or undefined when it has none (the hall default
 * applies). A stored value that no longer parses counts as none rather than breaking
 * every ticket the kiosk issues; setPrinter overwrites it.
 */
export function readDevicePrinter(db: Db, deviceId: number): PrinterConfig | undefined {
  const raw = getSetting(db, devicePrinterKey(deviceId));
  if (raw === undefined) return undefined;
  try {
    const parsed = printerConfigSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a device's printer; null removes it so the hall default applies again. */
export function writeDevicePrinter(db: Db, deviceId: number, printer: PrinterConfig | null): void {
  if (printer === null) deleteSetting(db, devicePrinterKey(deviceId));
  else setSetting(db, devicePrinterKey(deviceId), JSON.stringify(printer));
}
