import type { UpdatesPort } from '../../core/updates/updates-port.ts';
import { hallDiagnostics } from './hall-diagnostics.ts';
import { publishedReleases } from './release-folder.ts';

/**
 * Over IPC the zip travels whole, base64, in one answer: the newest 20 MB of logs (two of the
 * five 10 MB files) keep it reasonable and hold what support reads first.
 */
export const IPC_LOG_LIMIT_BYTES = 20 * 1024 * 1024;

export function createUpdatesPort(options: {
  releasesDir: string;
  dataDir: string;
  hallVersion: string;
  hallUrl: () => string;
  logLimitBytes?: number;
}): UpdatesPort {
  const logLimitBytes = options.logLimitBytes ?? IPC_LOG_LIMIT_BYTES;
  return {
    releases: () => ({
      hallVersion: options.hallVersion,
      releasesDir: options.releasesDir,
      hallUrl: options.hallUrl(),
      releases: publishedReleases(options.releasesDir),
    }),
    diagnostics: (now) => ({ ...hallDiagnostics({ dataDir: options.dataDir, hallVersion: options.hallVersion, now, logLimitBytes }), logLimitBytes }),
  };
}
