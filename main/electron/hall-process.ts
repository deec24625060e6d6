import { join } from 'node:path';
import { utilityProcess } from 'electron';
import type { Result } from '../core/api/errors.ts';
import type { HallOptions } from '../server/hall.ts';
import type { PushMessage } from '../server/push.ts';
import { appendToLog, type Logger } from './logger.ts';
import type { FromHall, ToHall } from './utility-protocol.ts';

export type HallFailure = Extract<FromHall, { kind: 'failed' }>;

/** The main process's handle on the hall utility process. */
export type HallProcess = {
  /** Resolves with the hall's URL once it serves; rejects with a HallFailure. */
  ready: Promise<string>;
  call: (name: string, input: unknown, token: string | undefined) => Promise<Result<unknown>>;
  hello: (windowId: number, token: string | undefined, since: number | undefined) => void;
  bye: (windowId: number) => void;
  onPush: (listener: (windowId: number, message: PushMessage) => void) => void;
  /** Called when the process ends without having been asked to stop. */
  onCrash: (listener: (code: number) => void) => void;
  /** Closes the hall (database included) and waits for the process to end. */
  stop: () => Promise<void>;
};

const internal: Result<unknown> = { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };
const callTimeoutMs = 30_000;
const stopTimeoutMs = 5_000;

/** Passes the hall process's output on whole lines at a time, so a line is never split across two log files. */
function forwardLines(stream: NodeJS.ReadableStream | null): void {
  let rest = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const text = rest + chunk;
    const end = text.lastIndexOf('\n') + 1;
    rest = text.slice(end);
    if (end === 0) return;
    process.stdout.write(text.slice(0, end));
    appendToLog(text.slice(0, end));
  });
}

export function forkHall(options: HallOptions, log: Logger): HallProcess {
  // Piped, so the hall's log lines join the app's rotating log file (logger.ts), one writer for both.
  const child = utilityProcess.fork(join(import.meta.dirname, 'hall-utility.js'), [], { serviceName: 'OneWindow hall', stdio: 'pipe' });
  for (const stream of [child.stdout, child.stderr]) forwardLines(stream);
  const post = (message: ToHall) => child.postMessage(message);
  const pending = new Map<number, { resolve: (result: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> }>();
  const pushListeners: Array<(windowId: number, message: PushMessage) => void> = [];
  const crashListeners: Array<(code: number) => void> = [];
  let nextId = 1;
  let running = true;
  let stopping = false;

  let settle: { resolve: (url: string) => void; reject: (failure: HallFailure) => void } | undefined;
  const ready = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Callers await `ready` themselves; this only keeps an early failure from being "unhandled".
  ready.catch(() => undefined);

  child.on('message', (message: FromHall) => {
    switch (message.kind) {
      case 'ready':
        settle?.resolve(message.url);
        return;
      case 'failed':
        settle?.reject(message);
        return;
      case 'result': {
        const waiting = pending.get(message.id);
        if (!waiting) return;
        pending.delete(message.id);
        clearTimeout(waiting.timer);
        waiting.resolve(message.result);
        return;
      }
      case 'push':
        for (const listener of pushListeners) listener(message.windowId, message.message);
    }
  });

  child.on('exit', (code) => {
    running = false;
    for (const [, waiting] of pending) {
      clearTimeout(waiting.timer);
      waiting.resolve(internal);
    }
    pending.clear();
    settle?.reject({ kind: 'failed', reason: 'other', message: `hall process exited with code ${code}` });
    if (stopping) return;
    log.error({ code }, 'hall process exited');
    for (const listener of crashListeners) listener(code);
  });

  post({ kind: 'start', options });

  return {
    ready,
    async call(name, input, token) {
      await ready;
      if (!running) return internal;
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          log.error({ method: name }, 'hall call timed out');
          resolve(internal);
        }, callTimeoutMs);
        pending.set(id, { resolve, timer });
        post({ kind: 'call', id, name, input, token });
      });
    },
    hello(windowId, token, since) {
      if (running) post({ kind: 'hello', windowId, token, since });
    },
    bye(windowId) {
      if (running) post({ kind: 'bye', windowId });
    },
    onPush: (listener) => void pushListeners.push(listener),
    onCrash: (listener) => void crashListeners.push(listener),
    stop() {
      if (!running) return Promise.resolve();
      stopping = true;
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          log.warn('hall process did not stop in time; killing it');
          child.kill();
        }, stopTimeoutMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        post({ kind: 'stop' });
      });
    },
  };
}
