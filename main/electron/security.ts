import type { Session, WebContents } from 'electron';
import type { Logger } from './logger.ts';

/**
 * Whether `url` stays inside the origin the windows were opened on (app://hall, or the
 * hall server in client mode). Compared by scheme and host: a URL of a non-special
 * scheme such as app: has an opaque origin in Node's URL.
 */
export function isInside(url: string, base: string): boolean {
  try {
    const target = new URL(url);
    const home = new URL(base);
    return target.protocol === home.protocol && target.host === home.host;
  } catch {
    return false;
  }
}

/** No window may navigate away, open another window, or embed a webview. */
export function hardenContents(contents: WebContents, base: string, log: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn({ url }, 'window.open denied');
    return { action: 'deny' };
  });
  const guard = (event: { url: string; preventDefault: () => void }) => {
    if (isInside(event.url, base)) return;
    event.preventDefault();
    log.warn({ url: event.url }, 'navigation outside the hall prevented');
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The screens need no camera, microphone, location, notifications or the like. */
export function denyPermissions(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn({ permission }, 'permission request denied');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
