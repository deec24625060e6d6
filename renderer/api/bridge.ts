import type { DesktopPrintBridge, SavePdfResult, SilentPrintResult } from '../../common/desktop-bridge.ts';
import type { Result } from '../../main/core/api/errors.ts';
import type { PushMessage } from '../../main/server/push.ts';
import type { PcSetupBridge } from '../../main/electron/pc-setup-contract.ts';

/** What preload/ exposes in the Electron windows; absent in a browser. */
export type OneWindowBridge = {
  invoke: (name: string, input: unknown, token: string | undefined) => Promise<Result<unknown>>;
  onPush: (listener: (message: PushMessage) => void) => () => void;
  hello: (token: string | undefined, since: number | undefined) => void;
  /** Renders the page to PDF and asks where to save it (path null: the clerk cancelled). Absent in client mode's windows. */
  savePdf?: (fileName: string) => Promise<SavePdfResult>;
  /** The PC's own setup page: its role, the hall it belongs to (main/electron/pc-setup-bridge.ts). */
  pcSetup?: PcSetupBridge;
  /** Prints the page to the PC's ticket/receipt printer without a dialog (main/electron/silent-print.ts). */
  printSilently?: () => Promise<SilentPrintResult>;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- Window is extended by declaration merging, which only an interface does
  interface Window {
    onewindow?: OneWindowBridge;
    onewindowPrint?: DesktopPrintBridge;
  }
}

export const bridge = (): OneWindowBridge | undefined => window.onewindow;

/** The desktop app's dialog-free printing, in either kind of window; undefined in a browser. */
export const silentPrinter = (): (() => Promise<SilentPrintResult>) | undefined => window.onewindow?.printSilently ?? window.onewindowPrint?.printSilently;
