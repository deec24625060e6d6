/** Settings key of one device's printer; absent means the hall-wide default applies. */
export const devicePrinterKey = (deviceId: number): string => `printer.device.${deviceId}`;
