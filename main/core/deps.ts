import type { Db } from '../../db/connection.ts';
import type { SessionPolicy } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import type { EventBus } from './events.ts';
import type { Logger } from '../../common/logger.ts';
import type { PrintableTicket } from './queue/contract.ts';
import type { RatingProfile } from '../../common/rating-profile/profile.ts';
import type { SyncPort } from './sync/port.ts';
import type { BackupPort } from './backups/backup-port.ts';
import type { ReportPort } from './reports/report-port.ts';
import type { HallCertificate } from './hall/contract.ts';
import type { UpdatesPort } from './updates/updates-port.ts';

export type LockoutPolicy = { maxFailures: number; lockMinutes: number };

/**
 * What the core asks of the outside world. The hall server plugs in real devices;
 * tests and a hall without printers use the defaults.
 */
export type CorePorts = {
  /** Prints a ticket on the thermal printer configured for the device (a kiosk), or says the screen must show it. */
  printTicket: (ticket: PrintableTicket, deviceId: number | null) => Promise<'printer' | 'screen'>;
  /** The rating device profiles the hall knows (built-in plus --rating-profiles folders); default the built-in ones. */
  ratingProfiles?: () => ReadonlyMap<string, RatingProfile>;
  /** The nightly sync engine (main/utility-link) where this process runs it; without it the sync methods say it is unavailable. */
  sync?: SyncPort;
  /** Backups of the database file, where this process holds it (the hall server); without it the backup methods say they are unavailable. */
  backups?: BackupPort;
  /** The release folder and the data folder's diagnostics, where this process holds them (the hall server); without it the 软件更新 page says they are not here. */
  updates?: UpdatesPort;
  /** Computes reports off the hall's event loop (the hall server's worker threads); without it they are computed in-process. */
  reports?: ReportPort;
  /** The one-time first-run code the hall server printed on its console; without it only local calls may set the hall up. */
  setupCode?: () => string | undefined;
  /** The hall's TLS certificate authority where the hall serves HTTPS (main/server/tls); without it the hall speaks plain HTTP on this PC only. */
  certificate?: () => HallCertificate | undefined;
  /**
   * Resolves once everything written so far is on disk (db/group-commit.ts): every call waits
   * for it before answering, so nothing is acknowledged that a power cut could take back.
   * Without it commits are durable when they return (synchronous=FULL).
   */
  durable?: () => Promise<void>;
  /** Whether a paired screen holds a live push connection now (devices/presence.ts); without it the core cannot tell a screen that is on from one that is off. */
  deviceConnected?: (deviceId: number) => boolean;
};

export const defaultPorts: CorePorts = { printTicket: async () => 'screen' };

/** What every domain's handlers are built from. */
export type CoreDeps = {
  db: Db;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  sessionPolicy: SessionPolicy;
  lockout: LockoutPolicy;
  ports: CorePorts;
  /** The queue's state goes to the screens at most once per this many ms (queue/change-throttle.ts); 0: every change at once. */
  queuePushWindowMs: number;
};
