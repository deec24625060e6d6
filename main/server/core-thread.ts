import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { DatabaseTooNewError } from '../../db/migrate.ts';
import { runningClock, systemClock } from '../core/clock.ts';
import type { CoreThreadStart, FromCoreThread, StartFailure, ToCoreThread } from './core-thread-protocol.ts';
import { inProcessBackend } from './in-process-backend.ts';
import { openHallCore } from './hall-core.ts';
import { remoteRatingDrivers } from './remote-rating-drivers.ts';

// The hall's core in a thread of its own (core-thread-client.ts starts it): every SQL statement,
// commit and fsync runs here, so the event loop serving counters, boards and kiosks never waits
// for the disk. One thread, one connection: still the single writer the outbox relies on.

const port = parentPort;
if (!port) throw new Error('core-thread.ts runs only as a worker thread');
// workerData is what core-thread-client.ts passed, typed there as CoreThreadStart.
const start = workerData as CoreThreadStart;
const post = (message: FromCoreThread) => port.postMessage(message);

function failureOf(error: unknown): StartFailure {
  if (error instanceof DatabaseTooNewError)
    return { name: 'DatabaseTooNewError', message: error.message, databaseVersion: error.databaseVersion, appVersion: error.appVersion };
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}

const logger = pino({ level: start.logLevel, base: { service: 'hall' } });
const clock = start.clockMs === undefined ? systemClock : runningClock(new Date(start.clockMs));

// The rating devices' drivers stay on the main thread; this thread's keypad flow asks them over.
const drivers = remoteRatingDrivers((id, ask) => post({ kind: 'driverAsk', id, ask }));
// Answers and reports from the drivers come in while the core is still opening (its first reconcile).
port.on('message', (message: ToCoreThread) => {
  if (message.kind === 'driverAnswer') drivers.answer(message);
  else if (message.kind === 'driverReport') drivers.report(message.report);
});

try {
  const opened = await openHallCore(start.options, clock, logger, (report) => drivers.open(report));
  const backend = inProcessBackend(opened.core);
  const leaves = new Map<number, () => void>();
  backend.events.subscribe((event) => post({ kind: 'event', event }));

  const answer = async (message: Extract<ToCoreThread, { id: number }>): Promise<unknown> => {
    switch (message.kind) {
      case 'call':
        return backend.call(message.name, message.input, message.token, message.origin);
      case 'resolve':
        return backend.resolve(message.token);
      case 'hallTime':
        return backend.hallTime();
      case 'audit':
        return backend.audit(message.staffId, message.change);
    }
  };

  port.on('message', (message: ToCoreThread) => {
    switch (message.kind) {
      case 'join':
        leaves.set(message.joinId, backend.joinPresence(message.deviceId));
        return;
      case 'leave':
        leaves.get(message.joinId)?.();
        leaves.delete(message.joinId);
        return;
      case 'publicUrl':
        opened.setPublicUrl(message.url);
        return;
      case 'certificate':
        opened.setCertificate(message.certificate);
        return;
      case 'driverAnswer':
      case 'driverReport':
        return;
      case 'close':
        opened
          .close((step) => post({ kind: 'closing', step }))
          .catch((error: unknown) => logger.error({ err: error }, 'the core did not close cleanly'))
          .finally(() => {
            post({ kind: 'closed' });
            port.close();
          });
        return;
      default:
        answer(message).then(
          (value) => post({ kind: 'answer', id: message.id, ok: true, value }),
          (error: unknown) => {
            logger.error({ err: error, question: message.kind }, 'the core could not answer');
            post({ kind: 'answer', id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) });
          },
        );
    }
  });
  post({ kind: 'ready', setupCode: opened.setupCode, hallName: opened.hallName });
} catch (error) {
  post({ kind: 'failed', failure: failureOf(error) });
  port.close();
}
