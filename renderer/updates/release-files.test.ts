import { describe, expect, it } from 'vitest';
import { bytesOfBase64, releaseUploadOrder } from './release-files.ts';

describe('releaseUploadOrder', () => {
  it('puts installers first, their blockmaps next and the update files last, whatever order they were picked in', () => {
    const picked = [
      'latest.yml',
      'OneWindow-Setup-2.0.0.exe.blockmap',
      'latest-linux.yml',
      'OneWindow-2.0.0.AppImage',
      'OneWindow-Setup-2.0.0.exe',
      'onewindow_2.0.0_amd64.deb',
    ].map((name) => ({ name }));
    expect(releaseUploadOrder(picked).map((f) => f.name)).toEqual([
      'OneWindow-2.0.0.AppImage',
      'OneWindow-Setup-2.0.0.exe',
      'onewindow_2.0.0_amd64.deb',
      'OneWindow-Setup-2.0.0.exe.blockmap',
      'latest.yml',
      'latest-linux.yml',
    ]);
  });
});

describe('bytesOfBase64', () => {
  it('gives back the bytes the hall encoded', () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    expect(Buffer.from(bytesOfBase64(bytes.toString('base64'))).equals(bytes)).toBe(true);
  });
});
