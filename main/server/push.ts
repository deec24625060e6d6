import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { PushEnvelope } from '../../common/push-message.ts';
import { rolesOf } from '../core/api/caller.ts';
import type { HallEvent } from '../core/events.ts';
import type { HallTime } from '../core/hall/contract.ts';
import type { HallBackend } from './hall-backend.ts';

/** The first message a screen sends on /api/events: who it is and the last event it saw. */
export const pushHelloSchema = z.object({ token: z.string().max(200).optional(), since: z.number().int().min(0).optional() });
export type PushHello = z.output<typeof pushHelloSchema>;

/** The hall's push messages: the envelope of common/push-message.ts around its events and clock. */
export type PushMessage = PushEnvelope<HallEvent, HallTime>;

/**
 * Only screen events reach a feed: the bus hands `subscribe` listeners HallEvents, which carry an
 * audience, and never the internal events between domains (event-map.ts, InternalEventMap).
 */
export const visibleTo = (event: HallEvent, roles: readonly string[]) => event.audience.includes('public') || event.audience.some((r) => roles.includes(r));

/**
 * Feeds one screen the events its session may see: a hello with the current sequence,
 * what it missed since `hello.since` (or a resync), then live events. Shared by the
 * WebSocket and the Electron bridge. Resolves to the unsubscribe, or undefined when the
 * token grants no role.
 */
export async function openPushFeed(backend: HallBackend, hello: PushHello, send: (message: PushMessage) => void): Promise<(() => void) | undefined> {
  const [caller, time] = await Promise.all([backend.resolve(hello.token), backend.hallTime()]);
  const roles = rolesOf(caller);
  if (roles.length === 0) return undefined;
  // From here on nothing waits: the events seen, the hello's sequence and the replay agree.
  const unsubscribe = backend.events.subscribe((event) => {
    if (visibleTo(event, roles)) send({ kind: 'event', event });
  });
  send({ kind: 'hello', seq: backend.events.lastSeq(), time });
  if (hello.since !== undefined) {
    const missed = backend.events.since(hello.since);
    if (missed === undefined) send({ kind: 'resync', seq: backend.events.lastSeq() });
    else for (const event of missed) if (visibleTo(event, roles)) send({ kind: 'event', event });
  }
  // While its feed is open a screen counts as on (the counter shows its customer screen 在线).
  const leave = caller.kind === 'device' ? backend.joinPresence(caller.deviceId) : undefined;
  return () => {
    unsubscribe();
    leave?.();
  };
}

// An event goes to every screen that may see it: its text is made once, not once per socket.
const eventText = new WeakMap<HallEvent, string>();
function serialized(message: PushMessage): string {
  if (message.kind !== 'event') return JSON.stringify(message);
  let text = eventText.get(message.event);
  if (text === undefined) {
    text = JSON.stringify(message);
    eventText.set(message.event, text);
  }
  return text;
}

/** A screen that has not said who it is by then is dropped. */
export const HELLO_TIMEOUT_MS = 10_000;
/** How often an open feed checks that its session still stands (logout, revocation, expiry). */
export const SESSION_RECHECK_MS = 60_000;

export function attachPushSocket(
  backend: HallBackend,
  socket: WebSocket,
  timing = { helloMs: HELLO_TIMEOUT_MS, recheckMs: SESSION_RECHECK_MS },
  identified: () => void = () => {},
): void {
  let unsubscribe: (() => void) | undefined;
  let recheck: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  const send = (message: PushMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(serialized(message));
  };
  const helloTimer = setTimeout(() => socket.close(1008, 'no hello'), timing.helloMs);
  socket.once('message', (raw) => {
    clearTimeout(helloTimer);
    identified();
    let hello: PushHello;
    try {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a text frame arrives as a Buffer, whose String() is its UTF-8 text
      hello = pushHelloSchema.parse(JSON.parse(String(raw)));
    } catch {
      socket.close(1008, 'bad hello');
      return;
    }
    const unauthenticated = () => socket.close(4401, 'unauthenticated');
    openPushFeed(backend, hello, send).then(
      (feed) => {
        if (!feed) return unauthenticated();
        // The screen may have gone while the hall looked its session up.
        if (closed) return feed();
        unsubscribe = feed;
        recheck = setInterval(() => {
          backend.resolve(hello.token).then(
            (caller) => rolesOf(caller).length === 0 && unauthenticated(),
            () => unauthenticated(),
          );
        }, timing.recheckMs);
      },
      () => socket.close(1011, 'hall unavailable'),
    );
  });
  socket.on('close', () => {
    closed = true;
    identified();
    clearTimeout(helloTimer);
    if (recheck) clearInterval(recheck);
    unsubscribe?.();
  });
}

/**
 * Sockets that have not yet said who they are cost the hall memory and a timer each, and anyone
 * on the LAN can open them: so many at once, and so many per address, and the next is closed
 * at once (1013, try again later). A screen that says hello no longer counts.
 */
export const MAX_UNIDENTIFIED = 64;
export const MAX_UNIDENTIFIED_PER_SOURCE = 8;

export function unidentifiedSocketLimit(limits = { total: MAX_UNIDENTIFIED, perSource: MAX_UNIDENTIFIED_PER_SOURCE }) {
  const perSource = new Map<string, number>();
  let total = 0;
  return {
    /** Admits a new socket from `source`, or answers false; `done` when it said hello or closed. */
    admit(source: string): { done: () => void } | undefined {
      const n = perSource.get(source) ?? 0;
      if (total >= limits.total || n >= limits.perSource) return undefined;
      total += 1;
      perSource.set(source, n + 1);
      let released = false;
      return {
        done: () => {
          if (released) return;
          released = true;
          total -= 1;
          const left = (perSource.get(source) ?? 1) - 1;
          if (left > 0) perSource.set(source, left);
          else perSource.delete(source);
        },
      };
    },
  };
}
