import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

export type TimedChild = {
  /** Milliseconds from just before spawn until `ready` returned true. */
  ms: number;
  /** Stops the child (SIGTERM, then SIGKILL after a grace period) and waits for it to exit. */
  stop: () => Promise<void>;
};

export type TimeChildOptions = {
  /** Arguments to `node` (this same Node binary). */
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Called with each stdout line, one at a time, until it returns true; `elapsed` is the
   * time since spawn. It may do more work (an HTTP request) before answering; that work
   * is inside the measured time. Throwing fails the measurement.
   */
  ready: (line: string, elapsed: () => number) => boolean | Promise<boolean>;
  timeoutMs?: number;
};

function waitForExit(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Spawns `node ...args` and times it until a line on its stdout satisfies `ready`. */
export function timeChild(options: TimeChildOptions): Promise<TimedChild> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const elapsed = () => performance.now() - start;
    const child = spawn(process.execPath, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let settled = false;
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const stop = () => waitForExit(child, 5000);
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const tail = stderr.trim();
      void stop().then(() => reject(tail ? new Error(`${error.message}\n--- child stderr ---\n${tail}`) : error));
    };
    const timer = setTimeout(() => fail(new Error(`child not ready after ${timeoutMs} ms: node ${options.args.join(' ')}`)), timeoutMs);

    // Lines are handed to `ready` strictly one after another.
    let chain = Promise.resolve();
    createInterface({ input: child.stdout }).on('line', (line) => {
      chain = chain.then(async () => {
        if (settled) return;
        try {
          if (await options.ready(line, elapsed)) {
            const ms = elapsed();
            settled = true;
            clearTimeout(timer);
            resolve({ ms, stop });
          }
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    child.once('error', (error) => fail(error));
    child.once('exit', (code, signal) => {
      // Let queued lines be handled first: a child may print its answer and exit at once.
      void chain.then(() => fail(new Error(`child exited (code ${code}, signal ${signal}) before it was ready: node ${options.args.join(' ')}`)));
    });
  });
}
