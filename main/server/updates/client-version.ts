import { compareVersions, isVersion } from '../../shared/app-version.ts';

/** The header the desktop app puts on every request to the hall: `desktop/0.3.1`. */
export const CLIENT_HEADER = 'x-onewindow-client';

/**
 * The oldest desktop app this hall still serves. Raise it in the release whose API or push
 * messages an older app would misread; until then an older app keeps working and updates at
 * night on its own.
 */
export const OLDEST_DESKTOP_CLIENT = '0.1.0';

export type ClientVerdict = { kind: 'served' } | { kind: 'refused'; client: string; install: string };

/**
 * Whether the hall serves a request from this client. Requests without the header (browsers,
 * phones, scripts) are served as always. A desktop app older than OLDEST_DESKTOP_CLIENT, or
 * newer than the hall (it would call methods this hall does not have), is told to install the
 * hall's own version, which the hall's /updates/ offers.
 */
export function clientVerdict(header: string | undefined, hallVersion: string, oldest = OLDEST_DESKTOP_CLIENT): ClientVerdict {
  if (header === undefined) return { kind: 'served' };
  const match = /^desktop\/(\S+)$/.exec(header.trim());
  if (!match?.[1]) return { kind: 'served' };
  const client = match[1];
  if (!isVersion(client) || compareVersions(client, oldest) < 0 || compareVersions(client, hallVersion) > 0) {
    return { kind: 'refused', client, install: hallVersion };
  }
  return { kind: 'served' };
}
