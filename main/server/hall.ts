import { chmodSync, mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { isLoopbackHost } from '../core/api/loopback.ts';
import { X509Certificate } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Core } from '../core/create-core.ts';
import type { PrinterConfig } from '../../common/printer-address.ts';
import type { RatingDeviceSettings } from '../drivers/rating/device-settings.ts';
import type { ReconnectOptions } from '../drivers/rating/transport.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import type { HallTls } from './tls/hall-certificates.ts';
import type { HallCertificate } from '../core/hall/contract.ts';
import type { HallBackend } from './hall-backend.ts';
import type { HallCoreOptions } from './hall-core.ts';
import { startCoreThread } from './core-thread-client.ts';
import type { OpenRatingDrivers } from './rating-drivers.ts';
import { lazyRatingDrivers } from './lazy-rating-drivers.ts';

export type HallOptions = {
  dataDir: string;
  host?: string;
  port?: number;
  rendererDir?: string;
  backupDir?: string;
  backupKeep?: number;
  logLevel?: string;
  pushTiming?: { helloMs: number; recheckMs: number };
  /** The ticket printer of kiosks that have none of their own; without one tickets go to the screen. */
  printer?: PrinterConfig;
  /**
   * The address customers' phones open from a ticket's QR code (http://192.168.1.10:4720).
   * Defaults to the listening URL, which is only right when that is how the LAN reaches it
   * (not when listening on 0.0.0.0 or behind a proxy).
   */
  publicUrl?: string;
  /** The calling board's voice clips (docs/voice.md); default resources/voice. */
  voicePackDir?: string;
  /** Rating devices from --rating-device / ONEWINDOW_RATING_DEVICES (docs/devices.md); they override the manager's for their counters. */
  ratingDevices?: readonly RatingDeviceSettings[];
  /** Folders of vendors' rating device profiles (--rating-profiles). */
  ratingProfileFolders?: readonly string[];
  /** Reconnect timing of rating devices; tests shorten it. */
  ratingReconnect?: ReconnectOptions;
  /** The hall's clock (--clock-start); default the machine's. Everything the hall dates reads it. */
  clock?: Clock;
  /** Folders besides <data>/sync-drops that folder connectors may use (--drop-root): the operator's choice, not the desk's. */
  dropRoots?: readonly string[];
  /**
   * TLS (docs/security.md): by default the hall's own CA on any address but loopback; `files`
   * for the operator's certificate; `own` to use the hall's CA on loopback too (tests).
   */
  tls?: { kind: 'own' } | { kind: 'files'; certFile: string; keyFile: string; caFile?: string | undefined };
  /** The queue's state reaches the screens at most once per this many ms (default 50; queue/change-throttle.ts). */
  queuePushWindowMs?: number;
  /** Plain HTTP on a LAN address, on purpose (--insecure-http): logged at every start. */
  insecureHttp?: boolean;
  /** The file the secrets' key is kept in (--secret-key); default beside the data folder (secret-key-file.ts). */
  secretKeyFile?: string;
  /** The secrets' key itself, base64 (the desktop app's, kept in the OS keychain): no key file at all. */
  secretKey?: string;
  /** Announce the hall on the LAN by mDNS (hall-mdns.ts) when it serves HTTPS off loopback; default yes. */
  advertise?: boolean;
  /** The release folder the desktop apps update from (/updates/, docs/deploy.md); default <data>/releases. */
  releasesDir?: string;
};

export type RunningHall = {
  url: string;
  /** The core as the transports reach it: in its own thread (startHall) or in this one (startHallInProcess). */
  backend: HallBackend;
  /** The first-run code to show on the server's console, while the hall has no administrator. */
  setupCode: string | undefined;
  /** How devices trust the hall (its CA's fingerprint), for the console. */
  certificate: HallCertificate;
  close: () => Promise<void>;
  /** The step a close is at, for a report of a hung shutdown. */ closingStep: () => string;
  /** Resolves if the core's thread dies while the hall runs: it answers nothing from then on, and the CLI and the desktop app end the process so it is started again. */
  failed: Promise<Error>;
};

/**
 * The hall's TLS material, or none for plain HTTP: plain only on loopback (this PC alone can
 * reach it) or when the operator asked for it. The certificate names every address of this PC,
 * the names it is reached by, and loopback.
 */
function hallTls(
  { loadOperatorTls, loadOrCreateHallTls, tlsDir }: typeof import('./tls/hall-certificates.ts'),
  options: HallOptions,
  hostNames: readonly string[],
  now: Date,
): HallTls | undefined {
  if (options.tls?.kind === 'files') return loadOperatorTls(options.tls);
  const host = options.host ?? '127.0.0.1';
  if (options.insecureHttp || (isLoopbackHost(host) && options.tls?.kind !== 'own')) return undefined;
  const addresses = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((a) => a.address.replace(/%.*$/, ''));
  const bound = isIP(host) !== 0 && host !== '0.0.0.0' && host !== '::' ? [host] : [];
  return loadOrCreateHallTls({ dir: tlsDir(options.dataDir), names: [...hostNames, 'localhost', ...bound, ...addresses], now, hallName: hostname() });
}

/** What opens the core: in a thread of its own, or in this one for tests that look inside it. */
type CoreOpener = (options: HallCoreOptions, clock: Clock, logger: pino.Logger, logLevel: string, openDrivers: OpenRatingDrivers) => Promise<OpenedCore>;
type OpenedCore = {
  backend: HallBackend;
  setupCode: string | undefined;
  hallName: string | undefined;
  setPublicUrl: (url: string) => void;
  setCertificate: (certificate: HallCertificate) => void;
  close: () => Promise<void>;
  closingStep: () => string;
  failed: Promise<Error>;
};

/** Serves the hall over HTTP and push, its core and database in a thread of their own (core-thread.ts). */
export function startHall(options: HallOptions): Promise<RunningHall> {
  return serveHall(options, startCoreThread);
}

/** The same hall with its core in this thread, for tests that read its database or events directly. */
export async function startHallInProcess(options: HallOptions): Promise<RunningHall & { core: Core }> {
  let core: Core | undefined;
  const hall = await serveHall(options, async (coreOptions, clock, logger, _logLevel, openDrivers) => {
    // Loaded here only: a hall with its core in a thread never loads the core on this one.
    const [{ openHallCore }, { inProcessBackend }] = await Promise.all([import('./hall-core.ts'), import('./in-process-backend.ts')]);
    const opened = await openHallCore(coreOptions, clock, logger, openDrivers);
    core = opened.core;
    let step = 'not closing';
    return {
      ...opened,
      backend: inProcessBackend(opened.core),
      // The core runs in this thread: it cannot die without the process.
      failed: new Promise<Error>(() => undefined),
      closingStep: () => step,
      close: () => opened.close((name) => (step = name)),
    };
  });
  if (!core) throw new Error('the hall started without its core');
  return { ...hall, core };
}

/** Opens the hall's core, then serves it over HTTP and push. */
async function serveHall(options: HallOptions, openCore: CoreOpener): Promise<RunningHall> {
  // Owner-only: the data folder holds the database, its backups and staged restores (docs/security.md).
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(options.dataDir, 0o700);
  const logLevel = options.logLevel ?? 'info';
  const logger = pino({ level: logLevel, base: { service: 'hall' } });
  const clock = options.clock ?? systemClock;
  if (clock !== systemClock) logger.warn({ now: clock.now().toISOString() }, "the hall runs on a set clock (--clock-start), not the machine's");
  // The names screens may reach the hall by; IP addresses and localhost always pass (hall-server.ts).
  const hostNames = [
    hostname(),
    `${hostname()}.local`,
    ...(options.host && isIP(options.host) === 0 ? [options.host] : []),
    ...(options.publicUrl ? [new URL(options.publicUrl).hostname] : []),
  ];
  const releasesDir = options.releasesDir ?? join(options.dataDir, 'releases');
  // The keypads' drivers open on this thread, whichever thread the core runs in (rating-drivers.ts);
  // their code loads while the core opens.
  const openDrivers: OpenRatingDrivers = lazyRatingDrivers(
    Promise.all([import('./rating-drivers.ts'), import('../drivers/rating/profile-library.ts')]).then(
      ([drivers, profiles]) =>
        (onReport) =>
          drivers.startRatingDrivers(
            { library: profiles.profileLibrary(options.ratingProfileFolders ?? []), logger, reconnect: options.ratingReconnect },
            onReport,
          ),
    ),
  );
  const opening = openCore(
    {
      dataDir: options.dataDir,
      backupDir: options.backupDir,
      backupKeep: options.backupKeep,
      printer: options.printer,
      publicUrl: options.publicUrl,
      ratingDevices: options.ratingDevices,
      ratingProfileFolders: options.ratingProfileFolders,
      dropRoots: options.dropRoots,
      queuePushWindowMs: options.queuePushWindowMs,
      secretKeyFile: options.secretKeyFile,
      secretKey: options.secretKey,
      releasesDir,
    },
    clock,
    logger,
    logLevel,
    openDrivers,
  );
  // Awaited below; a core that fails to open meanwhile is not an unhandled rejection.
  opening.catch(() => undefined);
  // While the core opens in its thread, this one loads the web server and the TLS material.
  let tls: HallTls | undefined;
  let web: typeof import('./hall-server.ts');
  let mdns: typeof import('./hall-mdns.ts');
  try {
    let certificates;
    [certificates, web, mdns] = await Promise.all([import('./tls/hall-certificates.ts'), import('./hall-server.ts'), import('./hall-mdns.ts')]);
    tls = hallTls(certificates, options, hostNames, clock.now());
  } catch (error) {
    await opening.then(
      (core) => core.close(),
      () => undefined,
    );
    throw error;
  }
  if (tls) logger.info({ caFingerprint: tls.caFingerprint, validUntil: tls.validUntil }, 'serving HTTPS');
  else if (!isLoopbackHost(options.host ?? '127.0.0.1'))
    logger.warn(
      { host: options.host },
      "PLAIN HTTP ON THE HALL NETWORK (--insecure-http): passwords and citizens' data cross the network readable by anyone on it",
    );
  const certificate: HallCertificate = {
    https: tls !== undefined,
    caFingerprint: tls?.caFingerprint ?? null,
    caThumbprint: tls ? new X509Certificate(tls.ca).fingerprint : null,
    validUntil: tls?.validUntil ?? null,
  };
  const opened = await opening;
  opened.setCertificate(certificate);
  let app;
  try {
    app = await web.createHallServer({
      backend: opened.backend,
      logger,
      rendererDir: options.rendererDir,
      pushTiming: options.pushTiming,
      voicePackDir: options.voicePackDir,
      hostNames,
      tls,
      releasesDir,
      dataDir: options.dataDir,
    });
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 4720 });
  } catch (error) {
    await app?.close();
    await opened.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  opened.setPublicUrl(options.publicUrl ?? url);
  if (options.printer) logger.info({ publicUrl: options.publicUrl ?? url }, "tickets' QR codes open this address");
  // The desktop wizard on the hall's other PCs finds it by name instead of by a typed address
  // (the hall's name as set up; a hall not set up yet by its PC's name).
  const advert =
    tls && port !== undefined && options.advertise !== false && !isLoopbackHost(options.host ?? '127.0.0.1')
      ? mdns.advertiseHall({ name: opened.hallName ?? hostname(), port, fingerprint: tls.caFingerprint })
      : undefined;

  let closing = 'not closing';
  const server = app;
  return {
    url,
    backend: opened.backend,
    setupCode: opened.setupCode,
    certificate,
    failed: opened.failed,
    closingStep: () => (closing === 'core' ? `core: ${opened.closingStep()}` : closing),
    async close() {
      // Each step is logged, so a shutdown that hangs says where (the CLI's watchdog reports it).
      const step = async (name: string, run: () => Promise<void> | void) => {
        closing = name;
        logger.debug({ step: name }, 'hall closing');
        await run();
      };
      await step('mdns', () => advert?.stop());
      // No new request reaches the core once HTTP is closed; then the core closes its devices, sync and database.
      await step('http', () => web.closeHallServer(server));
      await step('core', () => opened.close());
      logger.debug('hall closed');
    },
  };
}
