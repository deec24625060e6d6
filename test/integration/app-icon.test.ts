import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { brandBlue, drawLogo } from '../../scripts/icon/draw-logo.ts';
import { readIco } from '../../scripts/icon/ico.ts';
import { decodePng } from '../../scripts/icon/png.ts';
import { iconFiles } from '../../scripts/make-icons.ts';

// The application icon: the committed files are real PNG / ICO images of the sizes the
// packagers need, they hold what scripts/make-icons.ts draws (so nobody hand-edits one size),
// and electron-builder, the Linux window and the renderer point to them.
const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path));
const config = parse(read('electron-builder.yml').toString('utf8')) as Record<string, Record<string, unknown> | undefined>;

const pixel = (rgba: Uint8Array, size: number, x: number, y: number) => [...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];

describe('the application icon', () => {
  it('resources/icon.png is a 1024×1024 RGBA PNG drawn by the icon script', () => {
    const image = decodePng(read(iconFiles.appPng.path));
    expect({ width: image.width, height: image.height, bitDepth: image.bitDepth, colourType: image.colourType }).toEqual({
      width: 1024,
      height: 1024,
      bitDepth: 8,
      colourType: 6,
    });
    expect(Buffer.from(image.rgba).equals(Buffer.from(drawLogo(1024)))).toBe(true);
    // Transparent outside the rounded square, brand blue on it, white in the window's "一".
    expect(pixel(image.rgba, 1024, 2, 2)[3]).toBe(0);
    expect(pixel(image.rgba, 1024, 80, 512)).toEqual([...brandBlue, 255]);
    expect(pixel(image.rgba, 1024, 512, 563)).toEqual([255, 255, 255, 255]);
  });

  it('build/icon.ico holds PNG images of 16 to 256 pixels, each the drawn logo at that size', () => {
    const entries = readIco(read(iconFiles.windowsIco.path));
    expect(entries.map((e) => e.width)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const entry of entries) {
      const image = decodePng(entry.data);
      expect([image.width, image.height, entry.height, entry.bitsPerPixel]).toEqual([entry.width, entry.width, entry.width, 32]);
      expect(Buffer.from(image.rgba).equals(Buffer.from(drawLogo(entry.width))), `${entry.width}px`).toBe(true);
    }
  });

  it('electron-builder uses them: the .ico for Windows and its installer, the PNG for the Linux packages', () => {
    expect(config.win?.icon).toBe(iconFiles.windowsIco.path);
    expect(config.nsis?.installerIcon).toBe(iconFiles.windowsIco.path);
    expect(config.linux?.icon).toBe(iconFiles.appPng.path);
    // The Linux window icon is read from the packaged app at run time, so the PNG must be packaged.
    expect(config.files).toContain(iconFiles.appPng.path);
  });

  it('the renderer has the logo as its favicon', () => {
    const favicon = decodePng(read(iconFiles.favicon.path));
    expect([favicon.width, favicon.height]).toEqual([64, 64]);
    expect(read('renderer/index.html').toString('utf8')).toContain('<link rel="icon" type="image/png" href="/favicon.png" />');
  });
});
