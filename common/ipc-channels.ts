/**
 * The IPC channels between the desktop windows' preloads (preload/) and the Electron main
 * process (main/electron/). Both sides take the names from here (the preload is bundled so it
 * can), so a channel cannot be renamed on one side only and leave a button that does nothing.
 */
export const ipcChannels = {
  /** A contract call from the app's page to the hall utility process (main/electron/ipc-bridge.ts). */
  invoke: 'onewindow:invoke',
  /** A window (re)subscribes to the hall's push with its session. */
  hello: 'onewindow:hello',
  /** Main → window: one push message. */
  push: 'onewindow:push',
  /** The receipt rendered to a PDF file (main/electron/pdf-export.ts). */
  savePdf: 'onewindow:savePdf',
  /** Dialog-free printing of the page (main/electron/silent-print.ts). */
  printSilently: 'onewindow:printSilently',
  /** The administrator's PIN over a locked kiosk or board (main/electron/unlock-prompt.ts). */
  unlock: 'onewindow:unlock',
} as const;

/** The PC's own setup page (main/electron/pc-setup-bridge.ts): one channel per call. */
export const pcSetupChannels = {
  state: 'onewindow:pcSetup:state',
  discover: 'onewindow:pcSetup:discover',
  probe: 'onewindow:pcSetup:probe',
  verifyAdmin: 'onewindow:pcSetup:verifyAdmin',
  save: 'onewindow:pcSetup:save',
} as const;
