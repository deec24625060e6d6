/** The screens see a printer's address as the devices methods carry it; its shape is the printer driver's. */
export type { PrinterConfig } from '../../drivers/printer/printer-config.ts';

/** Settings key of one device's printer; absent means the hall-wide default applies. */
export const devicePrinterKey = (deviceId: number): string => `printer.device.${deviceId}`;
