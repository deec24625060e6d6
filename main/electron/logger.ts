import pino, { type Logger } from 'pino';

export type { Logger };

/** The Electron side's structured log, one JSON line per entry on stdout like the hall server's. */
export function createLogger(service: string): Logger {
  return pino({ level: process.env.ONEWINDOW_LOG_LEVEL ?? 'info', base: { service } });
}
