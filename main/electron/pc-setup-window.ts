import type { BrowserWindow, Input } from 'electron';
import { appUrl } from './app-protocol.ts';
import { type PcSetupDeps, registerPcSetupBridge } from './pc-setup-bridge.ts';
import { openDeskWindow } from './windows.ts';

/**
 * The window of the PC's setup page (app://hall/pc-setup with the preload): at the first start
 * of a new PC, and later on demand — `OneWindow --pc-settings` (a second start passes it on) or
 * Ctrl+Alt+Shift+S on any of the role's windows. The page itself asks an administrator first.
 */
export const pcSettingsFlag = '--pc-settings';

export const wantsPcSettings = (argv: readonly string[]): boolean => argv.includes(pcSettingsFlag);

/** Ctrl+Alt+Shift+S: three modifiers, like the kiosk's exit combination, so no one hits it by leaning on the keyboard. */
export const isPcSettingsShortcut = (input: Pick<Input, 'type' | 'key' | 'control' | 'alt' | 'shift'>): boolean =>
  input.type === 'keyDown' && input.control && input.alt && input.shift && input.key.toLowerCase() === 's';

/**
 * The arguments to restart with after a save: the deployment flags (role-preset.ts) and
 * --pc-settings are dropped, or a --reset-role in the shortcut would undo what was just chosen.
 */
export function relaunchArgs(argv: readonly string[]): string[] {
  const presetFlags = /^--(role|hall|hall-certificate|counter|customer-display|display|host|port|admin-pin|printer|start-at-login|reset-role|pc-settings)(=|$)/;
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!presetFlags.test(arg)) {
      out.push(arg);
      continue;
    }
    // `--hall https://…` takes the next word as its value.
    const next = argv[i + 1];
    if (!arg.includes('=') && !/^--(reset-role|pc-settings)$/.test(arg) && next !== undefined && !next.startsWith('--')) i++;
  }
  return out;
}

export type PcSetupWindow = {
  /** Opens the setup page, or brings it forward if it is open. */
  open: () => BrowserWindow;
  /** Lets `window` open the setup page with the keyboard shortcut. */
  watch: (window: BrowserWindow) => void;
};

export function createPcSetup(deps: PcSetupDeps & { preload: string }): PcSetupWindow {
  registerPcSetupBridge(deps);
  let window: BrowserWindow | undefined;
  const open = () => {
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.focus();
      return window;
    }
    const opened = openDeskWindow({ url: appUrl, preload: deps.preload }, 'pc-setup', deps.log);
    opened.on('closed', () => {
      window = undefined;
    });
    // Over a fullscreen kiosk or board, or it would open behind it.
    opened.setAlwaysOnTop(true);
    window = opened;
    return opened;
  };
  const watch = (target: BrowserWindow) => {
    target.webContents.on('before-input-event', (event, input) => {
      if (!isPcSettingsShortcut(input)) return;
      event.preventDefault();
      open();
    });
  };
  return { open, watch };
}
