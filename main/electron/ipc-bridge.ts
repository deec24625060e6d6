import { ipcMain, type WebContents, webContents } from 'electron';
import { ipcChannels } from '../../common/ipc-channels.ts';
import type { Result } from '../core/api/errors.ts';
import { appHost, appScheme } from './app-protocol.ts';
import { parseHello, parseInvoke } from './bridge-requests.ts';
import type { HallProcess } from './hall-process.ts';
import type { Logger } from './logger.ts';

const internal: Result<unknown> = { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };

/** Only the app's own pages (app://hall) may use the bridge. */
export const fromApp = (frame: { url: string } | null) => {
  if (!frame) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${appScheme}:` && url.host === appHost;
  } catch {
    return false;
  }
};

/** Wires the windows' bridge (preload) to the hall utility process: calls in, push out. */
export function registerIpcBridge(hall: HallProcess, log: Logger): void {
  const subscribed = new Set<number>();

  ipcMain.handle(ipcChannels.invoke, async (event, name: unknown, input: unknown, token: unknown): Promise<Result<unknown>> => {
    if (!fromApp(event.senderFrame)) {
      log.warn({ url: event.senderFrame?.url }, 'bridge call from a foreign page refused');
      return { ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } };
    }
    const parsed = parseInvoke(name, input, token);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    try {
      return await hall.call(parsed.request.name, parsed.request.input, parsed.request.token);
    } catch (error) {
      log.error({ err: error, method: parsed.request.name }, 'bridge call failed');
      return internal;
    }
  });

  ipcMain.on(ipcChannels.hello, (event, token: unknown, since: unknown) => {
    if (!fromApp(event.senderFrame)) return;
    const hello = parseHello(token, since);
    if (!hello) {
      log.warn('malformed push hello ignored');
      return;
    }
    const sender: WebContents = event.sender;
    const windowId = sender.id;
    if (!subscribed.has(windowId)) {
      subscribed.add(windowId);
      const bye = () => hall.bye(windowId);
      // A new page starts without a subscription; a closed window needs none.
      sender.on('did-navigate', bye);
      sender.once('destroyed', () => {
        subscribed.delete(windowId);
        bye();
      });
    }
    hall.hello(windowId, hello.token, hello.since);
  });

  hall.onPush((windowId, message) => {
    const target = webContents.fromId(windowId);
    if (target && !target.isDestroyed()) target.send(ipcChannels.push, message);
  });
}
