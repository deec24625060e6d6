import type { Settings } from './settings.ts';

/**
 * Which screens a PC shows for its role, and where: a pure decision from the settings and the
 * displays connected now (role-windows.ts opens them).
 *
 * - hallServer and counter: the clerk's counter screen on the primary display, and the
 *   customer's rating screen fullscreen on the chosen display (or the non-primary one, or none);
 * - kiosk: the ticket kiosk fullscreen on the primary display;
 * - board: the calling board fullscreen on the chosen display (or the primary one);
 * - managerDesk: the manager's desk in an ordinary window.
 *
 * `unattended` marks the screens nobody sits at (kiosk, board): locked down by lockdown.ts.
 */
export type DisplayInfo = { id: number; bounds: { x: number; y: number; width: number; height: number } };

export type ScreenPlan = {
  /** The screen's path, with its query: the counter PC's window number as ?window=N. */
  route: 'counter' | `counter?window=${number}` | 'rate' | 'kiosk' | 'display' | 'manage';
  /** Fullscreen on this display; absent: an ordinary window on the primary display. */
  display?: DisplayInfo;
  unattended: boolean;
};

/** The customer-facing display: the one chosen if connected, else any but the primary; `null` chosen means none. */
export function customerDisplayFor(chosen: number | null | undefined, displays: readonly DisplayInfo[], primaryId: number): DisplayInfo | undefined {
  if (chosen === null) return undefined;
  const picked = chosen === undefined ? undefined : displays.find((d) => d.id === chosen && d.id !== primaryId);
  // A display that is not connected today (or got a new id after re-plugging) falls back to the other one.
  return picked ?? (displays.length < 2 ? undefined : displays.find((d) => d.id !== primaryId));
}

export function screensFor(settings: Settings, displays: readonly DisplayInfo[], primaryId: number): ScreenPlan[] {
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  switch (settings.role) {
    case 'hallServer':
    case 'counter': {
      const customer = customerDisplayFor(settings.customerDisplay, displays, primaryId);
      const counter = settings.role === 'counter' && settings.counter !== undefined ? (`counter?window=${settings.counter}` as const) : 'counter';
      return [{ route: counter, unattended: false }, ...(customer ? [{ route: 'rate', display: customer, unattended: false } satisfies ScreenPlan] : [])];
    }
    case 'kiosk':
      return [{ route: 'kiosk', ...(primary ? { display: primary } : {}), unattended: true }];
    case 'board': {
      const chosen = displays.find((d) => d.id === settings.display) ?? primary;
      return [{ route: 'display', ...(chosen ? { display: chosen } : {}), unattended: true }];
    }
    case 'managerDesk':
      return [{ route: 'manage', unattended: false }];
  }
}
