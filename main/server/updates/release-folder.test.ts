import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isReleaseFileName, parseUpdateFile, publishedReleases } from './release-folder.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('the release folder', () => {
  it('allows only release files named by one path segment', () => {
    for (const name of [
      'latest.yml',
      'latest-linux-arm64.yml',
      'OneWindow Setup 1.2.0.exe',
      'OneWindow-1.2.0-arm64.AppImage',
      'onewindow_1.2.0_amd64.deb',
      'OneWindow-Setup-1.2.0.exe.blockmap',
    ]) {
      expect(isReleaseFileName(name), name).toBe(true);
    }
    for (const name of ['../onewindow.db', '..', '.latest.yml', 'a/latest.yml', 'a\\latest.yml', 'onewindow.db', 'notes.txt', 'x..yml', '']) {
      expect(isReleaseFileName(name), name).toBe(false);
    }
  });

  it('reads the version and installer an update file names, per platform, and whether the installer is there', () => {
    dir = mkdtempSync(join(tmpdir(), 'ow-releases-'));
    writeFileSync(
      join(dir, 'latest.yml'),
      "version: 1.2.0\nfiles:\n  - url: OneWindow-Setup-1.2.0.exe\n    sha512: x\npath: OneWindow-Setup-1.2.0.exe\nreleaseDate: '2026-11-20T08:00:00.000Z'\n",
    );
    writeFileSync(join(dir, 'OneWindow-Setup-1.2.0.exe'), 'MZ1234');
    writeFileSync(join(dir, 'latest-linux-arm64.yml'), 'version: 1.1.0\nfiles:\n  - url: OneWindow-1.1.0-arm64.AppImage\n');
    expect(publishedReleases(dir)).toEqual([
      {
        platform: 'windows',
        version: '1.2.0',
        file: 'OneWindow-Setup-1.2.0.exe',
        releaseDate: '2026-11-20T08:00:00.000Z',
        installerPresent: true,
        sizeBytes: 6,
      },
      { platform: 'linuxArm64', version: '1.1.0', file: 'OneWindow-1.1.0-arm64.AppImage', releaseDate: null, installerPresent: false, sizeBytes: null },
    ]);
    expect(parseUpdateFile('no: version')).toBeUndefined();
  });
});
