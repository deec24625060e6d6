import { chmodSync, mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { isLoopbackHost } from '../core/api/loopback.ts';
import { X509Certificate } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import { type Core, createCore } from '../core/create-core.ts';
import type { PrinterConfig } from '../../common/printer-address.ts';
import { type BackupPolicy, scheduleBackups } from './backup-scheduler.ts';
import { DEFAULT_MANUAL, DEFAULT_SCHEDULED } from '../../db/backup-retention.ts';
import { createBackupPort } from './backup-port.ts';
import { createBackupKeys } from './backup-key.ts';
import { createUpdatesPort } from './updates/updates-port.ts';
import { ownVersion } from '../shared/app-version.ts';
import { createSecretBox, type SecretBox } from '../utility-link/secret-box.ts';
import { hallSecretKeyFile } from '../utility-link/secret-key-file.ts';
import { applyPendingRestore } from '../../db/restore.ts';
import { reconcileRestore } from '../../db/restore-reconcile.ts';
import { enableGroupCommit } from '../../db/group-commit.ts';
import { startCheckpointer } from '../../db/checkpointer.ts';
import { databaseFile } from '../shared/data-dir.ts';
import { closeHallServer, createHallServer } from './hall-server.ts';
import { advertiseHall } from './hall-mdns.ts';
import { createTicketPrinter } from './ticket-printer.ts';
import { startRatingDevices } from './rating-devices.ts';
import type { RatingDeviceSettings } from '../drivers/rating/device-settings.ts';
import { profileLibrary } from '../drivers/rating/profile-library.ts';
import type { ReconnectOptions } from '../drivers/rating/transport.ts';
import { createSyncService, lateSyncPort } from '../utility-link/service.ts';
import { createReportWorkers } from './report-workers.ts';
import { keepClosedDays } from './keep-closed-days.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import { countStaff } from '../../db/staff.ts';
import { getSetting } from '../../db/settings.ts';
import { newSetupCode } from '../core/auth/tokens.ts';
import { type HallTls, loadOperatorTls, loadOrCreateHallTls, tlsDir } from './tls/hall-certificates.ts';
import type { HallCertificate } from '../core/hall/contract.ts';

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
  core: Core;
  /** The first-run code to show on the server's console, while the hall has no administrator. */
  setupCode: string | undefined;
  /** How devices trust the hall (its CA's fingerprint), for the console. */
  certificate: HallCertificate;
  close: () => Promise<void>;
  /** The step a close is at, for a report of a hung shutdown. */ closingStep: () => string;
};

/**
 * The hall's TLS material, or none for plain HTTP: plain only on loopback (this PC alone can
 * reach it) or when the operator asked for it. The certificate names every address of this PC,
 * the names it is reached by, and loopback.
 */
function hallTls(options: HallOptions, hostNames: readonly string[], now: Date): HallTls | undefined {
  if (options.tls?.kind === 'files') return loadOperatorTls(options.tls);
  const host = options.host ?? '127.0.0.1';
  if (options.insecureHttp || (isLoopbackHost(host) && options.tls?.kind !== 'own')) return undefined;
  const addresses = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((a) => a.address.replace(/%.*$/, ''));
  const bound = isIP(host) !== 0 && host !== '0.0.0.0' && host !== '::' ? [host] : [];
  return loadOrCreateHallTls({ dir: tlsDir(options.dataDir), names: [...hostNames, 'localhost', ...bound, ...addresses], now, hallName: hostname() });
}

function hallSecretBox(options: HallOptions, backupDir: string, logger: pino.Logger): SecretBox {
  if (options.secretKey) return createSecretBox({ key: Buffer.from(options.secretKey, 'base64') });
  const { file, moved } = hallSecretKeyFile({ dataDir: options.dataDir, given: options.secretKeyFile, backupDir });
  if (moved) logger.warn({ file }, 'the secrets key moved out of the data folder');
  return createSecretBox({ keyFile: file });
}

/** Opens the hall's database, brings it up to date and serves it over HTTP and push. */
export async function startHall(options: HallOptions): Promise<RunningHall> {
  // Owner-only: the data folder holds the database, its backups and staged restores (docs/security.md).
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(options.dataDir, 0o700);
  const logger = pino({ level: options.logLevel ?? 'info', base: { service: 'hall' } });
  const backupDir = options.backupDir ?? join(options.dataDir, 'backups');
  // Connector secrets and the backup password's key are sealed with this box; its key never lives in the data folder.
  const box = hallSecretBox(options, backupDir, logger);
  const clock = options.clock ?? systemClock;
  if (clock !== systemClock) logger.warn({ now: clock.now().toISOString() }, "the hall runs on a set clock (--clock-start), not the machine's");
  // A restore staged from the manager's desk replaces the database now, before anything opens it.
  const restore = applyPendingRestore(databaseFile(options.dataDir), clock.now());
  if (restore) logger.warn(restore, 'staged restore applied at start');
  const db = openDatabase(databaseFile(options.dataDir));
  try {
    const { from, to } = migrate(db);
    if (from !== to) logger.info({ from, to }, 'database migrated');
    // An older copy must not bring back revoked access nor erase the trail (db/restore-reconcile.ts).
    if (restore && 'restored' in restore)
      logger.warn(
        reconcileRestore(db, restore.previous, restore.restored, clock.now().toISOString()),
        'restore reconciled: sessions ended, devices to pair again',
      );
  } catch (error) {
    closeDatabase(db);
    throw error;
  }
  // Commits are forced to disk off the event loop, grouped, and answered once durable; checkpoints run in a worker (db/group-commit.ts).
  const commits = enableGroupCommit(db);
  const checkpointer = startCheckpointer(databaseFile(options.dataDir), { onError: (message) => logger.error({ message }, 'checkpoint failed') });
  // The listening URL is known only after listen(); no ticket can be issued before that.
  let publicUrl = options.publicUrl ?? '';
  const printTicket = createTicketPrinter({ db, logger, defaultPrinter: options.printer, publicUrl: () => publicUrl });
  // A broken vendor profile stops the start: the hall must know which devices it runs.
  const ratingLibrary = profileLibrary(options.ratingProfileFolders ?? []);
  const sync = lateSyncPort();
  const reports = createReportWorkers({ databaseFile: databaseFile(options.dataDir), writer: db, logger });
  const backupPolicy: BackupPolicy = {
    dir: backupDir,
    scheduled: { ...DEFAULT_SCHEDULED, daily: options.backupKeep ?? 14 },
    manual: DEFAULT_MANUAL,
    manualEveryMinutes: 5,
  };
  // The backup password's key is sealed by the same secret box (and key file) as the connectors' secrets.
  const backupKeys = createBackupKeys({ db, box });
  const backups = createBackupPort({ db, databaseFile: databaseFile(options.dataDir), policy: backupPolicy, clock, keys: backupKeys });
  const releasesDir = options.releasesDir ?? join(options.dataDir, 'releases');
  // The 软件更新 page over IPC (the desktop app) as well as HTTP; the address is known after listen().
  const updates = createUpdatesPort({ releasesDir, dataDir: options.dataDir, hallVersion: ownVersion(), hallUrl: () => publicUrl });
  // A hall without its administrator prints a one-time code: setup from another PC needs it (docs/security.md).
  const setupCode = countStaff(db) === 0 ? newSetupCode() : undefined;
  // The names screens may reach the hall by; IP addresses and localhost always pass (hall-server.ts).
  const hostNames = [
    hostname(),
    `${hostname()}.local`,
    ...(options.host && isIP(options.host) === 0 ? [options.host] : []),
    ...(options.publicUrl ? [new URL(options.publicUrl).hostname] : []),
  ];
  let tls: HallTls | undefined;
  try {
    tls = hallTls(options, hostNames, clock.now());
  } catch (error) {
    closeDatabase(db);
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
  const core = createCore({
    db,
    clock,
    logger,
    ports: {
      printTicket,
      ratingProfiles: () => ratingLibrary,
      sync: sync.port,
      reports,
      backups,
      updates,
      setupCode: () => setupCode,
      certificate: () => certificate,
      durable: commits.flush,
    },
    // A bank of kiosks issuing fast gets one overview per 50 ms on the screens, not one per ticket.
    queuePushWindowMs: options.queuePushWindowMs ?? 50,
  });
  // The nightly sync to the utilities (main/utility-link): catches up a missed night at start.
  const syncService = createSyncService({ deps: core.deps, dataDir: options.dataDir, dropRoots: options.dropRoots, box });
  sync.attach(syncService);
  syncService.startScheduler();
  const app = await createHallServer({
    core,
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
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  publicUrl ||= url;
  // The desktop wizard on the hall's other PCs finds it by name instead of by a typed address
  // (the hall's name as set up; a hall not set up yet by its PC's name).
  const advert =
    tls && port !== undefined && options.advertise !== false && !isLoopbackHost(options.host ?? '127.0.0.1')
      ? advertiseHall({ name: getSetting(db, 'hall.name') ?? hostname(), port, fingerprint: tls.caFingerprint })
      : undefined;
  if (options.printer) logger.info({ printer: options.printer, publicUrl }, 'default ticket printer');

  const stopBackups = scheduleBackups(db, backupPolicy, clock, logger, backupKeys);
  // Each closed hall day's times are kept for the month's report as soon as the day turns;
  // checked with the tick, so the first check waits 30 s and never slows the start.
  const closedDays = keepClosedDays({ db, reports, now: core.deps.clock.now, logger });
  // Upkeep once at start: what ran out while the hall was stopped (rating invitations left open) is closed now.
  core.tick();
  const ticker = setInterval(() => {
    core.tick();
    void closedDays.check();
  }, 30_000);
  ticker.unref();
  const ratingDevices = startRatingDevices({
    core,
    logger,
    library: ratingLibrary,
    commandLine: options.ratingDevices ?? [],
    reconnect: options.ratingReconnect,
  });
  await ratingDevices.reconcile();

  let closing = 'not closing';
  return {
    url,
    core,
    setupCode,
    certificate,
    closingStep: () => closing,
    async close() {
      clearInterval(ticker);
      closedDays.stop();
      stopBackups();
      // Each step is logged, so a shutdown that hangs says where (the CLI's watchdog reports it).
      const step = async (name: string, run: () => Promise<void> | void) => {
        closing = name;
        logger.debug({ step: name }, 'hall closing');
        await run();
      };
      await step('rating devices', () => ratingDevices.close());
      await step('mdns', () => advert?.stop());
      await step('sync', () => syncService.stop());
      await step('http', () => closeHallServer(app));
      await step('report workers', () => reports.close());
      await step('checkpoints', () => checkpointer.stop());
      await step('commits', () => commits.close());
      await step('database', () => closeDatabase(db));
      logger.debug('hall closed');
    },
  };
}
