import type { Session, WebContents } from 'electron';
import type { Logger } from './logger.ts';
import { pinnedChainTrusted } from './hall-pin.ts';
import { systemClock } from '../core/clock.ts';

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

// Chromium's verdicts for setCertificateVerifyProc: trust, refuse, or decide as it normally would.
const TRUST = 0;
const REFUSE = -2;
const CHROMIUM_DECIDES = -3;

/**
 * Client mode: the hall's host is trusted only by its pinned CA (hall-pin.ts); any other host
 * a window reaches is refused (the windows never leave the hall). Without a pin an https:// hall
 * must hold a certificate the operating system trusts (the operator's own, --tls-cert).
 */
export function trustHallCertificate(session: Pick<Session, 'setCertificateVerifyProc'>, hallUrl: string, pin: string | undefined, log: Logger): void {
  const hall = new URL(hallUrl).hostname.replace(/^\[|\]$/g, '');
  session.setCertificateVerifyProc((request, callback) => {
    if (request.hostname !== hall) {
      log.warn({ host: request.hostname }, 'certificate of a host other than the hall refused');
      return callback(REFUSE);
    }
    if (!pin) return callback(CHROMIUM_DECIDES);
    if (pinnedChainTrusted({ hostname: request.hostname, certificate: request.certificate, pin, now: systemClock.now() })) return callback(TRUST);
    log.error(
      { host: request.hostname, presented: request.certificate.fingerprint },
      "the hall's certificate does not match the one this PC was set up with: refused",
    );
    return callback(REFUSE);
  });
}
