import { join } from 'node:path';

/**
 * The icon option for the app's windows. Windows takes a window's icon from the .exe
 * (electron-builder puts build/icon.ico into it); Linux has no icon inside an ELF file, and
 * the X11 window managers of UOS and Kylin show the window's own icon in the taskbar and the
 * window switcher, so there the window is given resources/icon.png from the packaged app.
 */
export function windowIcon(appPath: string, platform: NodeJS.Platform): { icon?: string } {
  return platform === 'linux' ? { icon: join(appPath, 'resources', 'icon.png') } : {};
}
