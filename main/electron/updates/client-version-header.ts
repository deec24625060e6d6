import type { Session } from 'electron';

export const CLIENT_HEADER = 'X-OneWindow-Client';

/**
 * The pages' requests to the hall carry this app's version, so a hall that cannot serve it
 * answers with what to install (main/server/updates) instead of failing in odd ways. Only the
 * hall's origin: nothing else learns the version.
 */
export function sendClientVersion(target: Pick<Session, 'webRequest'>, hallUrl: string, version: string): void {
  const origin = new URL(hallUrl).origin;
  target.webRequest.onBeforeSendHeaders({ urls: [`${origin}/*`] }, (details, callback) => {
    callback({ requestHeaders: { ...details.requestHeaders, [CLIENT_HEADER]: `desktop/${version}` } });
  });
}
