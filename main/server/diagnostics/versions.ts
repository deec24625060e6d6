import { arch, platform, release, version as osVersion } from 'node:os';
import { ownVersion } from '../../shared/app-version.ts';

/** The versions support asks about first; the desktop app adds Electron's and Chrome's. */
export function runtimeVersions(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const versions: Record<string, string | undefined> = {
    app: ownVersion(),
    node: process.versions.node,
    os: `${platform()} ${release()} (${osVersion()})`,
    arch: arch(),
    ...extra,
  };
  return Object.fromEntries(Object.entries(versions).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
