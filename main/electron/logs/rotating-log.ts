import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type RotatingLog = {
  write: (text: string) => void;
  close: () => void;
};

export const LOG_FILE_NAME = 'onewindow.log';

/**
 * A log file that turns over by size: onewindow.log is written until the next line would take it
 * past `maxBytes`, then it becomes onewindow.log.1 (.1 becomes .2, …) and the oldest beyond
 * `keep` files is removed. Written synchronously, line by line: the last lines before a crash
 * are exactly the ones support needs, and a desk PC logs little.
 */
export function openRotatingLog(file: string, options: { maxBytes?: number; keep?: number } = {}): RotatingLog {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 5);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let fd = openSync(file, 'a', 0o600);
  let size = fstatSync(fd).size;

  const rotate = () => {
    closeSync(fd);
    rmSync(`${file}.${keep - 1}`, { force: true });
    for (let i = keep - 2; i >= 1; i--) {
      try {
        renameSync(`${file}.${i}`, `${file}.${i + 1}`);
      } catch {
        // That generation does not exist yet.
      }
    }
    if (keep > 1) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
    fd = openSync(file, 'a', 0o600);
    size = 0;
  };

  return {
    write(text) {
      const bytes = Buffer.from(text, 'utf8');
      if (size > 0 && size + bytes.length > maxBytes) rotate();
      writeSync(fd, bytes);
      size += bytes.length;
    },
    close() {
      closeSync(fd);
    },
  };
}
