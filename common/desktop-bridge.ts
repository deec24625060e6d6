/**
 * What crosses the desktop app's bridges besides contract calls: the answers the main process
 * gives the pages through the preloads. The main process (main/electron), the preloads and the
 * renderer all read them here, so none of them imports another's folder for a type.
 */

export type SavePdfResult = { ok: true; path: string | null } | { ok: false };

/** `printer`: the printer named in the PC's settings, when that is the one missing or failing. */
export type SilentPrintResult = { ok: true } | { ok: false; reason: 'printerNotFound' | 'noPrinter' | 'failed'; printer?: string };

/** What a client-mode desktop window has (preload/client-print.ts): printing only, the API goes over HTTP. */
export type DesktopPrintBridge = { printSilently: () => Promise<SilentPrintResult> };

/** The buttons of the administrator's PIN prompt over a locked kiosk or board. */
export type UnlockAction = 'unlock' | 'quit' | 'cancel';

export type UnlockAnswer = { done: boolean; message: string };
