import { type BrowserWindow, screen } from 'electron';
import type { Logger } from './logger.ts';
import { screensFor } from './role-screens.ts';
import type { Settings } from './settings.ts';
import { openDeskWindow, openFullscreenWindow, type ScreenSource } from './windows.ts';

/** The windows a role opened: `main` is the one a second start brings forward; `unattended` are to be locked down. */
export type RoleWindows = { main: BrowserWindow; all: BrowserWindow[]; unattended: BrowserWindow[] };

/** Opens this PC's screens for its role on the displays connected now (role-screens.ts decides). */
export function openRoleWindows(settings: Settings, source: ScreenSource, log: Logger): RoleWindows {
  const plans = screensFor(settings, screen.getAllDisplays(), screen.getPrimaryDisplay().id);
  const opened = plans.map((plan) => ({
    plan,
    window: plan.display ? openFullscreenWindow(source, plan.display, plan.route, log) : openDeskWindow(source, plan.route, log),
  }));
  const [first] = opened;
  if (!first) throw new Error(`no screen for the role ${settings.role}`);
  log.info({ role: settings.role, screens: plans.map((p) => ({ route: p.route, display: p.display?.id })) }, 'screens opened');
  return { main: first.window, all: opened.map((o) => o.window), unattended: opened.filter((o) => o.plan.unattended).map((o) => o.window) };
}
