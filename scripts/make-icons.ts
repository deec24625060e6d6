import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { drawLogo } from './icon/draw-logo.ts';
import { encodeIco } from './icon/ico.ts';
import { encodePng } from './icon/png.ts';

// `node scripts/make-icons.ts`: redraws the application icon files from scripts/icon/draw-logo.ts.
// The files are committed (a release build must not depend on running this); test/integration/
// app-icon.test.ts checks they are what this script draws.

/** Where each icon goes, relative to the repository, and the sizes it holds. */
export const iconFiles = {
  /** Linux packages and the window icon on Linux; electron-builder makes the smaller sizes from it. */
  appPng: { path: 'resources/icon.png', size: 1024 },
  /** The Windows executable, installer and shortcuts. */
  windowsIco: { path: 'build/icon.ico', sizes: [16, 24, 32, 48, 64, 128, 256] },
  /** The browser tab of the hall's pages opened in a browser (the /trust page, a phone). */
  favicon: { path: 'renderer/public/favicon.png', size: 64 },
} as const;

const png = (size: number) => encodePng(size, size, drawLogo(size));

export function makeIcons(root: string): void {
  const write = (path: string, data: Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), data);
  };
  write(iconFiles.appPng.path, png(iconFiles.appPng.size));
  write(iconFiles.windowsIco.path, encodeIco(iconFiles.windowsIco.sizes.map((size) => ({ size, png: png(size) }))));
  write(iconFiles.favicon.path, png(iconFiles.favicon.size));
}

if (import.meta.main) makeIcons(join(import.meta.dirname, '..'));
