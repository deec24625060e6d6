import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import { type Core, createCore } from '../core/create-core.ts';
import type { PrinterConfig } from '../core/devices/printer-config.ts';
import { scheduleBackups } from './backup-scheduler.ts';
import { databaseFile } from './data-dir.ts';
import { createHallServer } from './hall-server.ts';
import { createTicketPrinter } from './ticket-printer.ts';

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
};

export type RunningHall = { url: string; core: Core; close: () => Promise<void> };

/** Opens the hall's database, brings it up to date and serves it over HTTP and push. */
export async function startHall(options: HallOptions): Promise<RunningHall> {
  mkdirSync(options.dataDir, { recursive: true });
  const logger = pino({ level: options.logLevel ?? 'info', base: { service: 'hall' } });
  const db = openDatabase(databaseFile(options.dataDir));
  try {
    const { from, to } = migrate(db);
    if (from !== to) logger.info({ from, to }, 'database migrated');
  } catch (error) {
    closeDatabase(db);
    throw error;
  }
  // The listening URL is known only after listen(); no ticket can be issued before that.
  let publicUrl = options.publicUrl ?? '';
  const printTicket = createTicketPrinter({ db, logger, defaultPrinter: options.printer, publicUrl: () => publicUrl });
  const core = createCore({ db, logger, ports: { printTicket } });
  const app = await createHallServer({ core, logger, rendererDir: options.rendererDir, pushTiming: options.pushTiming, voicePackDir: options.voicePackDir });
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 4720 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  publicUrl ||= url;
  if (options.printer) logger.info({ printer: options.printer, publicUrl }, 'default ticket printer');

  const stopBackups = scheduleBackups(db, { dir: options.backupDir ?? join(options.dataDir, 'backups'), keep: options.backupKeep ?? 14 }, () => new Date(), logger);
  const ticker = setInterval(() => core.tick(), 30_000);
  ticker.unref();

  return {
    url,
    core,
    async close() {
      clearInterval(ticker);
      stopBackups();
      await app.close();
      closeDatabase(db);
    },
  };
}
