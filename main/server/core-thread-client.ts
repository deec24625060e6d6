import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../common/logger.ts';
import { DatabaseTooNewError } from '../../db/migrate.ts';
import type { Result } from '../core/api/errors.ts';
import type { Caller } from '../core/api/caller.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import { createEventLog, type EventListener } from '../core/events.ts';
import type { HallCertificate, HallTime } from '../core/hall/contract.ts';
import type { CoreQuestion, CoreThreadStart, FromCoreThread, StartFailure, ToCoreThread } from './core-thread-protocol.ts';
import type { HallBackend } from './hall-backend.ts';
import type { HallCoreOptions } from './hall-core.ts';
import type { OpenRatingDrivers } from './rating-drivers.ts';
import { serveDriverAsk } from './remote-rating-drivers.ts';

export type CoreThread = {
  backend: HallBackend;
  setupCode: string | undefined;
  hallName: string | undefined;
  setPublicUrl: (url: string) => void;
  setCertificate: (certificate: HallCertificate) => void;
  /** The stage a close is at, for a report of a hung shutdown. */
  closingStep: () => string;
  close: () => Promise<void>;
  /** Resolves if the core thread dies while the hall runs: every call fails from then on, so whoever runs the hall should end it. */
  failed: Promise<Error>;
};

// The thread's own extension: .ts when run from source, .js once compiled for Electron.
const threadUrl = new URL(`./core-thread${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** What each kind of question is answered with. */
type Answers = { call: Result<unknown>; resolve: Caller; hallTime: HallTime; audit: void };

const internal: Result<unknown> = { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };

function startError(failure: StartFailure): Error {
  if (failure.name === 'DatabaseTooNewError' && failure.databaseVersion !== undefined && failure.appVersion !== undefined)
    return new DatabaseTooNewError(failure.databaseVersion, failure.appVersion);
  return Object.assign(new Error(failure.message), { name: failure.name });
}

/**
 * Starts the hall's core in its own thread (core-thread.ts) and answers for it on this one: the
 * calls, sessions and clock questions cross as messages, and the screen events come back in
 * order into a log here, so push feeds replay and follow them without asking the thread.
 * A set clock (--clock-start) is carried over as its reading now and runs on in the thread.
 * The rating devices' drivers open here, on this thread, and the core's keypad flow asks them over.
 */
export function startCoreThread(
  options: HallCoreOptions,
  clock: Clock,
  logger: Logger,
  logLevel: string,
  openDrivers: OpenRatingDrivers,
  url: URL = threadUrl,
): Promise<CoreThread> {
  const start: CoreThreadStart = { options, clockMs: clock === systemClock ? undefined : clock.now().getTime(), logLevel };
  const worker = new Worker(url, { workerData: start });
  const post = (message: ToCoreThread) => worker.postMessage(message);
  const drivers = openDrivers((report) => post({ kind: 'driverReport', report }));
  const events = createEventLog(2000);
  const listeners = new Set<EventListener>();
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let nextJoin = 0;
  let stopped: Error | undefined;
  let closingStep = 'not closing';
  let onClosed: (() => void) | undefined;
  let closing = false;
  let died: (error: Error) => void = () => undefined;
  const failed = new Promise<Error>((resolve) => {
    died = resolve;
  });

  // Each kind of question is answered with its own type (core-thread.ts answers with the backend's).
  const ask = <K extends CoreQuestion['kind']>(question: Extract<CoreQuestion, { kind: K }>): Promise<Answers[K]> => {
    if (stopped) return Promise.reject(stopped);
    nextId += 1;
    const id = nextId;
    return new Promise<Answers[K]>((resolve, reject) => {
      // The thread answers this id with what its backend returned for this kind: Answers[K].
      waiting.set(id, { resolve: (value) => resolve(value as Answers[K]), reject });
      post({ id, ...question });
    });
  };
  const stopWith = (error: Error) => {
    stopped = error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };

  const backend: HallBackend = {
    call: (name, input, token, origin) =>
      ask({ kind: 'call', name, input, token, origin }).catch((error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error), method: name }, 'the core thread did not answer');
        return internal;
      }),
    resolve: (token) => ask({ kind: 'resolve', token }),
    hallTime: () => ask({ kind: 'hallTime' }),
    audit: async (staffId, change) => {
      await ask({ kind: 'audit', staffId, change });
    },
    now: () => clock.now(),
    events: {
      subscribe(listener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
      since: events.since,
      lastSeq: events.lastSeq,
    },
    joinPresence(deviceId) {
      nextJoin += 1;
      const joinId = nextJoin;
      post({ kind: 'join', joinId, deviceId });
      let left = false;
      return () => {
        if (left || stopped) return;
        left = true;
        post({ kind: 'leave', joinId });
      };
    },
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromCoreThread) => {
      switch (message.kind) {
        case 'event':
          events.add(message.event);
          for (const listener of listeners) listener(message.event);
          return;
        case 'answer': {
          const pending = waiting.get(message.id);
          waiting.delete(message.id);
          if (message.ok) pending?.resolve(message.value);
          else pending?.reject(new Error(message.message));
          return;
        }
        case 'ready':
          resolve({
            backend,
            setupCode: message.setupCode,
            hallName: message.hallName,
            setPublicUrl: (url) => post({ kind: 'publicUrl', url }),
            setCertificate: (certificate) => post({ kind: 'certificate', certificate }),
            closingStep: () => closingStep,
            failed,
            close: () =>
              new Promise<void>((done) => {
                if (stopped) return done();
                closing = true;
                closingStep = 'core';
                onClosed = done;
                post({ kind: 'close' });
              }),
          });
          return;
        case 'failed':
          reject(startError(message.failure));
          return;
        case 'driverAsk': {
          const { id, ask } = message;
          serveDriverAsk(drivers, ask).then(
            (value) => post({ kind: 'driverAnswer', id, ok: true, value }),
            (error: unknown) => post({ kind: 'driverAnswer', id, ok: false, message: error instanceof Error ? error.message : String(error) }),
          );
          return;
        }
        case 'closing':
          closingStep = message.step;
          return;
        case 'closed':
          stopWith(new Error('the hall is closing'));
          void worker.terminate().then(() => onClosed?.());
      }
    });
    worker.on('error', (error: Error) => {
      logger.error({ err: error.message }, 'the core thread failed');
      stopWith(error);
      if (!closing) died(error);
      reject(error);
    });
    worker.on('exit', (code) => {
      // A thread that died leaves no one to close the keypads it had opened here.
      drivers.close().catch(() => undefined);
      if (!stopped) {
        logger.error({ code }, 'the core thread stopped');
        stopWith(new Error(`the core thread stopped (${code})`));
        if (!closing) died(new Error(`the core thread stopped (${code})`));
        reject(new Error(`the core thread stopped before it was ready (${code})`));
      }
      onClosed?.();
    });
  });
}
