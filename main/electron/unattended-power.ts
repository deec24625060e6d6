import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app, type BrowserWindow, powerSaveBlocker } from 'electron';
import type { Logger } from './logger.ts';
import { parseSettings, type Role } from './settings.ts';

/**
 * What keeps an unattended PC working after a power cut or a night: the app starts at login,
 * the calling board's screen never sleeps, and the board and kiosk may speak without a click.
 */

/** The roles that start with the PC unless settings say `openAtLogin: false`: the hall, counters, kiosks and boards. */
export function startsAtLogin(role: Role, configured: boolean | undefined): boolean {
  if (configured !== undefined) return configured;
  return role !== 'managerDesk';
}

/** Kiosk and board call numbers aloud with nobody to click first (Chromium's autoplay policy). */
export const speaksUnprompted = (role: Role | undefined): boolean => role === 'kiosk' || role === 'board';

/**
 * The role in settings.json, read without side effects before the app is ready (switches must
 * be set then, the full loadSettings runs after): undefined when there is no usable file.
 */
export function peekRole(file: string): Role | undefined {
  try {
    const parsed = parseSettings(readFileSync(file, 'utf8'));
    return parsed.ok ? parsed.settings.role : undefined;
  } catch {
    return undefined;
  }
}

/** Before `ready`: lets the board's and kiosk's voice play without a user gesture. */
export function allowUnpromptedSpeech(role: Role | undefined): void {
  if (speaksUnprompted(role)) app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
}

/** A freedesktop autostart entry (UOS, Kylin and other Linux desktops: Electron's login items are Windows and macOS only). */
export function autostartEntry(exec: string): string {
  const quoted = /[\s"'\\]/.test(exec) ? `"${exec.replace(/(["\\`$])/g, '\\$1')}"` : exec;
  return `[Desktop Entry]\nType=Application\nName=OneWindow\nName[zh_CN]=一窗通\nExec=${quoted}\nX-GNOME-Autostart-enabled=true\nTerminal=false\n`;
}

/**
 * Registers (or removes) the app as a login item. Only an installed app: in development the
 * "app" is the bare Electron binary, which must not start with the PC. On Linux an AppImage is
 * started by its own path ($APPIMAGE), not the mounted binary inside it.
 */
export function applyLoginItem(want: boolean, log: Logger, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): void {
  if (!app.isPackaged) {
    log.info({ want }, 'not installed: start at login left alone');
    return;
  }
  if (platform === 'linux') {
    const file = join(app.getPath('appData'), 'autostart', 'onewindow.desktop');
    try {
      if (want) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, autostartEntry(env.APPIMAGE ?? app.getPath('exe')));
      } else rmSync(file, { force: true });
    } catch (error) {
      log.error({ err: error, file }, 'autostart entry could not be written');
      return;
    }
  } else {
    app.setLoginItemSettings({ openAtLogin: want });
  }
  log.info({ openAtLogin: want }, 'start at login set');
}

/** The board's display stays on while its window is open (screen savers and power plans notwithstanding). */
export function keepAwake(window: BrowserWindow, log: Logger): void {
  const id = powerSaveBlocker.start('prevent-display-sleep');
  log.info('display kept awake');
  window.on('closed', () => {
    if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
  });
}
