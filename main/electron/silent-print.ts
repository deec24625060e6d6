import { ipcMain, type PrinterInfo, type WebContents } from 'electron';
import type { SilentPrintResult } from '../../common/desktop-bridge.ts';
import { ipcChannels } from '../../common/ipc-channels.ts';
import type { Logger } from './logger.ts';

export type PrinterChoice = { ok: true; deviceName: string | undefined } | { ok: false; reason: 'printerNotFound' | 'noPrinter'; printer?: string };

/**
 * Which printer a ticket or receipt goes to without a dialog: the one named in settings
 * (`printerName`, by its system name or the name the OS shows), else the system's default. A
 * named printer that is not installed is an error the clerk sees, never a silent fallback:
 * tickets printing at another counter's printer would be worse than none.
 */
export function choosePrinter(printers: readonly Pick<PrinterInfo, 'name' | 'displayName'>[], wanted: string | undefined): PrinterChoice {
  if (wanted) {
    const found = printers.find((p) => p.name === wanted) ?? printers.find((p) => p.displayName === wanted);
    return found ? { ok: true, deviceName: found.name } : { ok: false, reason: 'printerNotFound', printer: wanted };
  }
  if (printers.length === 0) return { ok: false, reason: 'noPrinter' };
  // No device name: Chromium prints to the system's default printer.
  return { ok: true, deviceName: undefined };
}

function print(contents: WebContents, deviceName: string | undefined): Promise<{ success: boolean; failureReason: string }> {
  return new Promise((resolve) => {
    contents.print({ silent: true, printBackground: true, ...(deviceName ? { deviceName } : {}) }, (success, failureReason) =>
      resolve({ success, failureReason }),
    );
  });
}

/**
 * "Print" on the kiosk's ticket and the counter's receipt in the desktop app: the page itself,
 * as its print stylesheet lays it out, straight to the printer — no dialog for a customer to
 * face. `allowed` says which pages may ask (the app's own, or the hall's in client mode).
 */
export function registerSilentPrint(options: { printerName: string | undefined; allowed: (frame: { url: string } | null) => boolean; log: Logger }): void {
  ipcMain.handle(ipcChannels.printSilently, async (event): Promise<SilentPrintResult> => {
    if (!options.allowed(event.senderFrame)) {
      options.log.warn({ url: event.senderFrame?.url }, 'silent print from a foreign page refused');
      return { ok: false, reason: 'failed' };
    }
    try {
      const choice = choosePrinter(await event.sender.getPrintersAsync(), options.printerName);
      if (!choice.ok) {
        options.log.error({ reason: choice.reason, printer: choice.printer }, 'silent print: no printer to print to');
        return choice.printer ? { ok: false, reason: choice.reason, printer: choice.printer } : { ok: false, reason: choice.reason };
      }
      const done = await print(event.sender, choice.deviceName);
      if (!done.success) {
        options.log.error({ printer: choice.deviceName ?? 'default', failureReason: done.failureReason }, 'silent print failed');
        return { ok: false, reason: 'failed', ...(choice.deviceName ? { printer: choice.deviceName } : {}) };
      }
      options.log.info({ printer: choice.deviceName ?? 'default' }, 'printed silently');
      return { ok: true };
    } catch (error) {
      options.log.error({ err: error }, 'silent print failed');
      return { ok: false, reason: 'failed' };
    }
  });
}
