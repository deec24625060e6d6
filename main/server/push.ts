import type { WebSocket } from 'ws';
import { z } from 'zod';
import { rolesOf } from '../core/api/caller.ts';
import type { Core } from '../core/create-core.ts';
import type { HallEvent } from '../core/events.ts';

/** The first message a screen sends on /api/events: who it is and the last event it saw. */
const helloSchema = z.object({ token: z.string().max(200).optional(), since: z.number().int().min(0).optional() });

export type PushMessage =
  | { kind: 'hello'; seq: number }
  | { kind: 'event'; event: HallEvent }
  /** Events were missed and are no longer held: the screen reloads its state. */
  | { kind: 'resync'; seq: number };

const visibleTo = (event: HallEvent, roles: readonly string[]) =>
  event.audience.includes('public') || event.audience.some((r) => roles.includes(r));

export function attachPushSocket(core: Core, socket: WebSocket): void {
  let unsubscribe: (() => void) | undefined;
  const send = (message: PushMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  socket.once('message', (raw) => {
    let hello: z.output<typeof helloSchema>;
    try {
      hello = helloSchema.parse(JSON.parse(String(raw)));
    } catch {
      socket.close(1008, 'bad hello');
      return;
    }
    const roles = rolesOf(core.resolve(hello.token));
    if (roles.length === 0) {
      socket.close(4401, 'unauthenticated');
      return;
    }
    // Subscribe before replaying so nothing emitted in between is lost.
    const pending: HallEvent[] = [];
    let replaying = true;
    unsubscribe = core.events.subscribe((event) => {
      if (!visibleTo(event, roles)) return;
      if (replaying) pending.push(event);
      else send({ kind: 'event', event });
    });
    send({ kind: 'hello', seq: core.events.lastSeq() });
    if (hello.since !== undefined) {
      const missed = core.events.since(hello.since);
      if (missed === undefined) send({ kind: 'resync', seq: core.events.lastSeq() });
      else for (const event of missed) if (visibleTo(event, roles) && !pending.includes(event)) send({ kind: 'event', event });
    }
    replaying = false;
    for (const event of pending) send({ kind: 'event', event });
  });
  socket.on('close', () => unsubscribe?.());
}
