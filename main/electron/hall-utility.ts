import { DatabaseTooNewError } from '../../db/migrate.ts';
import type { Result } from '../core/api/errors.ts';
import { type RunningHall, startHall } from '../server/hall.ts';
import { openPushFeed } from '../server/push.ts';
import { createLogger } from './logger.ts';
import type { FromHall, ToHall } from './utility-protocol.ts';
import { errorCode } from '../shared/error-code.ts';

// The hall server inside an Electron utility process, so SQLite never blocks a window.
// It also serves HTTP and push for the hall's other PCs, exactly as `npm run hall` does.

const log = createLogger('hall-utility');
const internal: Result<unknown> = { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };

const port = process.parentPort;
if (!port) throw new Error('hall-utility.js runs only as an Electron utility process');

const post = (message: FromHall) => port.postMessage(message);

let hall: RunningHall | undefined;
/** Push subscriptions by window (webContents id). */
const feeds = new Map<number, () => void>();

/** Each window's latest hello or bye, so a feed opened for an older one is closed at once. */
const generations = new Map<number, number>();

function closeFeed(windowId: number) {
  generations.set(windowId, (generations.get(windowId) ?? 0) + 1);
  feeds.get(windowId)?.();
  feeds.delete(windowId);
}

function failureOf(error: unknown): FromHall {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DatabaseTooNewError) return { kind: 'failed', reason: 'database_too_new', message };
  return { kind: 'failed', reason: errorCode(error) === 'EADDRINUSE' ? 'port_in_use' : 'other', message };
}

async function handle(message: ToHall): Promise<void> {
  switch (message.kind) {
    case 'start':
      try {
        hall = await startHall(message.options);
        // A hall whose core died answers nothing: ending this process shows the app's "hall stopped" (main.ts).
        void hall.failed.then((error) => {
          log.error({ err: error }, 'the hall core stopped');
          process.exit(1);
        });
        log.info({ url: hall.url }, 'hall server started');
        post({ kind: 'ready', url: hall.url });
      } catch (error) {
        log.error({ err: error }, 'hall server failed to start');
        post(failureOf(error));
      }
      return;
    case 'call': {
      let result = internal;
      if (hall) {
        try {
          result = await hall.backend.call(message.name, message.input, message.token);
        } catch (error) {
          log.error({ err: error, method: message.name }, 'call failed');
        }
      }
      post({ kind: 'result', id: message.id, result });
      return;
    }
    case 'hello': {
      closeFeed(message.windowId);
      if (!hall) return;
      const { windowId } = message;
      // A bye or a newer hello from the window while its session is looked up wins over this one.
      const generation = (generations.get(windowId) ?? 0) + 1;
      generations.set(windowId, generation);
      const close = await openPushFeed(hall.backend, { token: message.token, since: message.since }, (push) => post({ kind: 'push', windowId, message: push }));
      if (generations.get(windowId) !== generation) close?.();
      else if (close) feeds.set(windowId, close);
      else log.warn({ windowId }, 'push hello without a valid session');
      return;
    }
    case 'bye':
      closeFeed(message.windowId);
      return;
    case 'stop':
      for (const windowId of [...feeds.keys()]) closeFeed(windowId);
      try {
        await hall?.close();
      } finally {
        process.exit(0);
      }
  }
}

port.on('message', (event) => {
  handle(event.data as ToHall).catch((error: unknown) => log.error({ err: error }, 'message handling failed'));
});
