import { type BrowserWindow, type BrowserWindowConstructorOptions, type Input, Menu } from 'electron';
import type { Logger } from './logger.ts';

/**
 * A PC nobody sits at (kiosk, calling board): fullscreen kiosk mode, no menu, and no key that
 * leaves, reloads or inspects the page — except the administrator's combination, which asks
 * for the unlock PIN (unlock-prompt.ts).
 */

export type KeyDecision = 'allow' | 'block' | 'admin';

type Keys = Pick<Input, 'type' | 'key' | 'control' | 'alt' | 'shift' | 'meta'>;

// Keys that close, reload, navigate, print, zoom or open the developer tools, by Chromium's name.
const blockedAlone = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'ContextMenu']);
const blockedWithCtrl = new Set([
  'w',
  'q',
  'r',
  'n',
  't',
  'o',
  'p',
  's',
  'l',
  'f',
  'g',
  'h',
  'j',
  'u',
  'd',
  'e',
  '+',
  '=',
  '-',
  '0',
  'Tab',
  'F4',
  'F5',
  'PageUp',
  'PageDown',
]);

/** What a key press does on a locked PC. Pure: Electron's `before-input-event` input in, a verdict out. */
export function keyDecision(input: Keys): KeyDecision {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return 'allow';
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const ctrl = input.control || input.meta;
  if (input.control && input.alt && input.shift && key === 'q') return 'admin';
  if (blockedAlone.has(key)) return 'block';
  // Alt+F4 closes, Alt+Left/Right navigate, Alt alone opens a hidden menu bar.
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'Alt')) return 'block';
  if (ctrl && (blockedWithCtrl.has(key) || input.shift || input.alt)) return 'block';
  if (input.meta) return 'block';
  return 'allow';
}

/** The window options of a locked PC's screen (pass to new BrowserWindow with the rest). */
export const lockedWindowOptions = {
  kiosk: true,
  fullscreen: true,
  autoHideMenuBar: true,
  minimizable: false,
  maximizable: false,
  closable: false,
} satisfies BrowserWindowConstructorOptions;

export type Lock = {
  /** After the right PIN: kiosk mode off, the keys and closing allowed again (until the app restarts). */
  unlock: () => void;
  readonly locked: boolean;
};

/**
 * Locks `window` down. `onAdmin` runs when the administrator's combination is pressed (the PIN
 * prompt). Closing is refused while locked (Alt+F4 reaches some window managers before the page
 * does); `allowClose` lets the app's own quit through.
 */
export function lockDown(window: BrowserWindow, options: { log: Logger; onAdmin: () => void; allowClose?: () => boolean }): Lock {
  let locked = true;
  Menu.setApplicationMenu(null);
  window.removeMenu();
  window.setKiosk(true);
  window.webContents.on('before-input-event', (event, input) => {
    if (!locked) return;
    const decision = keyDecision(input);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'admin') {
      options.log.info('administrator combination pressed: asking for the unlock PIN');
      options.onAdmin();
    }
  });
  // No developer tools on a locked PC, however they were opened.
  window.webContents.on('devtools-opened', () => {
    if (locked) window.webContents.closeDevTools();
  });
  window.on('close', (event) => {
    if (!locked || options.allowClose?.()) return;
    event.preventDefault();
    options.log.warn('closing a locked screen refused');
  });
  return {
    unlock() {
      if (!locked) return;
      locked = false;
      window.setKiosk(false);
      window.setClosable(true);
      window.setMinimizable(true);
      options.log.warn('screen unlocked by the administrator');
    },
    get locked() {
      return locked;
    },
  };
}
