import type { SilentPrintResult } from '../../common/desktop-bridge.ts';
import { silentPrinter } from '../api/bridge.ts';

/** How a print went: a dialog opened (browser), it printed, or it failed with a message key for the screen. */
export type PrintOutcome = { kind: 'dialog' } | { kind: 'printed' } | { kind: 'failed'; messageKey: string; printer?: string };

const failure = (result: Extract<SilentPrintResult, { ok: false }>): PrintOutcome => ({
  kind: 'failed',
  messageKey: `common:print.${result.reason}`,
  ...(result.printer ? { printer: result.printer } : {}),
});

/**
 * Prints the page: in the desktop app straight to the PC's printer with no dialog (a kiosk's
 * customer must never face one; main/electron/silent-print.ts), in a browser through its print
 * dialog.
 */
export async function printPage(): Promise<PrintOutcome> {
  const silently = silentPrinter();
  if (!silently) {
    window.print();
    return { kind: 'dialog' };
  }
  try {
    const result = await silently();
    return result.ok ? { kind: 'printed' } : failure(result);
  } catch {
    return { kind: 'failed', messageKey: 'common:print.failed' };
  }
}

/**
 * Prints the ticket rendered in `.ticket-print`: the body class limits the print to that block
 * (80 mm roll or the corner of an A4 sheet).
 */
export async function printTicket(): Promise<PrintOutcome> {
  const body = document.body;
  body.classList.add('printing-ticket');
  const done = () => body.classList.remove('printing-ticket');
  if (silentPrinter()) {
    // The main process prints the page as it is now: the class stays until the print is done.
    const outcome = await printPage();
    done();
    return outcome;
  }
  window.addEventListener('afterprint', done, { once: true });
  const outcome = await printPage();
  // A browser without afterprint (or a blocked dialog) must not keep the class.
  setTimeout(done, 1000);
  return outcome;
}
