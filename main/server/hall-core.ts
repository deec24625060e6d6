import { join } from 'node:path';
import type pino from 'pino';
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
import { createTicketPrinter } from './ticket-printer.ts';
import { startRatingDevices } from './rating-devices.ts';
import type { OpenRatingDrivers } from './rating-drivers.ts';
import type { RatingDeviceSettings } from '../drivers/rating/device-settings.ts';
import { profileLibrary } from '../drivers/rating/profile-library.ts';
import { createSyncService, lateSyncPort } from '../utility-link/service.ts';
import { createReportWorkers } from './report-workers.ts';
import { keepClosedDays } from './keep-closed-days.ts';
import type { Clock } from '../core/clock.ts';
import { countStaff } from '../../db/staff.ts';
import { getSetting } from '../../db/settings.ts';
import { newSetupCode } from '../core/auth/tokens.ts';
import type { HallCertificate } from '../core/hall/contract.ts';

/** What the hall's core is opened with: plain data, since it crosses to the core's thread (core-thread.ts). */
export type HallCoreOptions = {
  dataDir: string;
  backupDir?: string | undefined;
  backupKeep?: number | undefined;
  printer?: PrinterConfig | undefined;
  /** The address on tickets' QR codes; without it the listening URL, told once known (setPublicUrl). */
  publicUrl?: string | undefined;
  ratingDevices?: readonly RatingDeviceSettings[] | undefined;
  ratingProfileFolders?: readonly string[] | undefined;
  dropRoots?: readonly string[] | undefined;
  queuePushWindowMs?: number | undefined;
  secretKeyFile?: string | undefined;
  secretKey?: string | undefined;
  releasesDir: string;
};

export type OpenedHallCore = {
  core: Core;
  /** The first-run code to print while the hall has no administrator. */
  setupCode: string | undefined;
  /** The hall's name as set up, for the LAN announcement. */
  hallName: string | undefined;
  setPublicUrl: (url: string) => void;
  /** How devices trust the hall, worked out beside the TLS files (hall.ts) while the core opens; told before the hall listens. */
  setCertificate: (certificate: HallCertificate) => void;
  /** Stops everything the core runs and closes the database; `step` names each stage for a hung shutdown's report. */
  close: (step: (name: string) => void) => Promise<void>;
};

function hallSecretBox(options: HallCoreOptions, backupDir: string, logger: pino.Logger): SecretBox {
  if (options.secretKey) return createSecretBox({ key: Buffer.from(options.secretKey, 'base64') });
  const { file, moved } = hallSecretKeyFile({ dataDir: options.dataDir, given: options.secretKeyFile, backupDir });
  if (moved) logger.warn({ file }, 'the secrets key moved out of the data folder');
  return createSecretBox({ keyFile: file });
}

/**
 * Opens the hall's database, brings it up to date and starts everything that reads or writes
 * it: the core and its ports, the devices it drives, the nightly sync, backups, reports and the
 * periodic upkeep. The HTTP and push side (hall.ts) reaches it only through a HallBackend.
 */
export async function openHallCore(options: HallCoreOptions, clock: Clock, logger: pino.Logger, openDrivers: OpenRatingDrivers): Promise<OpenedHallCore> {
  const backupDir = options.backupDir ?? join(options.dataDir, 'backups');
  // A broken vendor profile stops the start: the hall must know which devices it runs.
  const library = profileLibrary(options.ratingProfileFolders ?? []);
  // Connector secrets and the backup password's key are sealed with this box; its key never lives in the data folder.
  const box = hallSecretBox(options, backupDir, logger);
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
  // Commits are forced to disk off this thread's loop, grouped, and answered once durable; checkpoints run in a worker (db/group-commit.ts).
  const commits = enableGroupCommit(db);
  const checkpointer = startCheckpointer(databaseFile(options.dataDir), { onError: (message) => logger.error({ message }, 'checkpoint failed') });
  // The listening URL is known only after listen(); no ticket can be issued before that.
  let publicUrl = options.publicUrl ?? '';
  const printTicket = createTicketPrinter({ db, logger, defaultPrinter: options.printer, publicUrl: () => publicUrl });
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
  // The 软件更新 page over IPC (the desktop app) as well as HTTP; the address is known after listen().
  const updates = createUpdatesPort({ releasesDir: options.releasesDir, dataDir: options.dataDir, hallVersion: ownVersion(), hallUrl: () => publicUrl });
  // A hall without its administrator prints a one-time code: setup from another PC needs it (docs/security.md).
  const setupCode = countStaff(db) === 0 ? newSetupCode() : undefined;
  let certificate: HallCertificate | undefined;
  const core = createCore({
    db,
    clock,
    logger,
    ports: {
      printTicket,
      ratingProfiles: () => library,
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
  if (options.printer) logger.info({ printer: options.printer }, 'default ticket printer');

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
  const ratingDevices = startRatingDevices({ deps: core.deps, logger, commandLine: options.ratingDevices ?? [], openDrivers });
  await ratingDevices.reconcile();

  return {
    core,
    setupCode,
    hallName: getSetting(db, 'hall.name'),
    setPublicUrl: (url) => {
      publicUrl ||= url;
    },
    setCertificate: (value) => {
      certificate = value;
    },
    async close(step) {
      clearInterval(ticker);
      closedDays.stop();
      stopBackups();
      step('rating devices');
      await ratingDevices.close();
      step('sync');
      await syncService.stop();
      step('report workers');
      await reports.close();
      step('checkpoints');
      await checkpointer.stop();
      step('commits');
      await commits.close();
      step('database');
      closeDatabase(db);
    },
  };
}
