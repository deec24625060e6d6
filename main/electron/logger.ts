import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { LOG_FILE_NAME, openRotatingLog, type RotatingLog } from './logs/rotating-log.ts';

export type { Logger };

let file: RotatingLog | undefined;

/**
 * Every line goes to stdout and, once logToFile() has named the folder, to the rotating
 * <userData>/logs/onewindow.log too. Loggers made before that (main.ts makes its own first
 * thing) write to the file from then on.
 */
const sink = {
  write(line: string) {
    process.stdout.write(line);
    file?.write(line);
  },
};

/** The Electron side's structured log, one JSON line per entry like the hall server's. */
export function createLogger(service: string): Logger {
  return pino({ level: process.env.ONEWINDOW_LOG_LEVEL ?? 'info', base: { service } }, sink);
}

/** Logs into `<dir>/onewindow.log`, 10 MB × 5 files; returns the file. */
export function logToFile(dir: string): string {
  const path = join(dir, LOG_FILE_NAME);
  file?.close();
  file = openRotatingLog(path);
  return path;
}

/** Lines another process wrote (the hall utility's stdout) into the same log. */
export function appendToLog(text: string): void {
  file?.write(text);
}
