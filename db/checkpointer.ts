import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

// The worker's own extension: .ts when run from source, .js once compiled for Electron.
const workerUrl = new URL(`./checkpoint-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

export type Checkpointer = {
  /** Runs a checkpoint now and resolves with how many have run so far. */
  now: () => Promise<number>;
  stop: () => Promise<void>;
};

/**
 * Checkpoints of the hall's database off its event loop (group-commit.ts turns them off on the
 * hall's connection): a worker thread checks the WAL every `everyMs` and checkpoints it once it
 * has grown past `thresholdBytes` (4 MB: about a thousand pages, SQLite's own default).
 */
export function startCheckpointer(
  file: string,
  options: { everyMs?: number; thresholdBytes?: number; onError?: (message: string) => void } = {},
): Checkpointer {
  const worker = new Worker(workerUrl, { workerData: { file, everyMs: options.everyMs ?? 1000, thresholdBytes: options.thresholdBytes ?? 4 * 1024 * 1024 } });
  worker.unref();
  const answers: ((n: number) => void)[] = [];
  worker.on('message', (message: { kind: string; checkpoints?: number; message?: string }) => {
    if (message.kind === 'error') options.onError?.(message.message ?? 'checkpoint failed');
    else answers.shift()?.(message.checkpoints ?? 0);
  });
  return {
    now: () =>
      new Promise<number>((resolve) => {
        worker.ref();
        answers.push((n) => {
          worker.unref();
          resolve(n);
        });
        worker.postMessage({ kind: 'now' });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        // Held while it closes: an unref'd worker would let a process that waits for nothing else exit first.
        worker.ref();
        worker.once('exit', () => resolve());
        answers.push(() => undefined);
        worker.postMessage({ kind: 'stop' });
      }),
  };
}
