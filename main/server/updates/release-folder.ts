import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The release folder an administrator fills (<data>/releases or --releases): electron-builder's
 * update files (latest.yml for Windows, latest-linux.yml, latest-linux-arm64.yml), the installers
 * they name and their .blockmap files. Only such names are served or written: one path segment,
 * no leading dot, a known kind of file, so nothing else on the disk can be reached through it.
 */
const releaseName = /^[A-Za-z0-9][A-Za-z0-9._+~ -]{0,199}$/;
const contentTypes: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.blockmap': 'application/octet-stream',
  '.appimage': 'application/octet-stream',
  '.deb': 'application/vnd.debian.binary-package',
  '.zip': 'application/zip',
  '.7z': 'application/x-7z-compressed',
};

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
};

export function isReleaseFileName(name: string): boolean {
  return releaseName.test(name) && !name.includes('..') && extensionOf(name) in contentTypes;
}

export const releaseContentType = (name: string): string => contentTypes[extensionOf(name)] ?? 'application/octet-stream';

/** The update files by platform, as electron-updater asks for them. */
export const channelFiles = { windows: 'latest.yml', linuxX64: 'latest-linux.yml', linuxArm64: 'latest-linux-arm64.yml' } as const;
export type ReleasePlatform = keyof typeof channelFiles;
const releasePlatforms: readonly ReleasePlatform[] = ['windows', 'linuxX64', 'linuxArm64'];

export type PublishedRelease = {
  platform: ReleasePlatform;
  version: string;
  /** The installer the update file names. */
  file: string;
  releaseDate: string | null;
  /** Whether that installer is in the folder: an update file without it makes every PC fail its download. */
  installerPresent: boolean;
  sizeBytes: number | null;
};

/** A top-level `key: value` of an update file (electron-builder writes plain YAML, quoting dates). */
function field(yml: string, key: string): string | undefined {
  const match = new RegExp(`^${key}:[ \\t]*(.+)$`, 'm').exec(yml);
  return match?.[1]?.trim().replace(/^(['"])(.*)\1$/, '$2');
}

/** Reads what an update file says: its version, installer and date; undefined if it names no version. */
export function parseUpdateFile(yml: string): { version: string; file: string | undefined; releaseDate: string | undefined } | undefined {
  const version = field(yml, 'version');
  if (!version) return undefined;
  // `path` is the legacy single-file key; `files[0].url` the current one. Both name the same installer.
  const url = /^files:\s*\n\s*-\s*url:[ \t]*(.+)$/m
    .exec(yml)?.[1]
    ?.trim()
    .replace(/^(['"])(.*)\1$/, '$2');
  return { version, file: field(yml, 'path') ?? url, releaseDate: field(yml, 'releaseDate') };
}

const sizeOf = (file: string): number | null => {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
};

/** What the folder offers, one entry per platform that has an update file. */
export function publishedReleases(dir: string): PublishedRelease[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const releases: PublishedRelease[] = [];
  for (const platform of releasePlatforms) {
    const channel = channelFiles[platform];
    if (!names.includes(channel)) continue;
    const info = parseUpdateFile(readFileSync(join(dir, channel), 'utf8'));
    if (!info) continue;
    const file = info.file ?? '';
    const size = isReleaseFileName(file) ? sizeOf(join(dir, file)) : null;
    releases.push({ platform, version: info.version, file, releaseDate: info.releaseDate ?? null, installerPresent: size !== null, sizeBytes: size });
  }
  return releases;
}
