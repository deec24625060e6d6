import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import { type Core, createCore } from '../core/create-core.ts';
import { scheduleBackups } from './backup-scheduler.ts';
import { databaseFile } from './data-dir.ts';
import { createHallServer } from './hall-server.ts';

export type HallOptions = {
  dataDir: string;
  host?: string;
  port?: number;
  rendererDir?: string;
  backupDir?: string;
  backupKeep?: number;
  logLevel?: string;
  pushTiming?: { helloMs: number; recheckMs: number };
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
  const core = createCore({ db, logger });
  const app = await createHallServer({ core, logger, rendererDir: options.rendererDir, pushTiming: options.pushTiming });
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 4720 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

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
