import type { Role } from './api/roles.ts';
import type { EventMap, InternalEventMap, ScreenEventMap } from './event-map.ts';

export type ScreenEventType = keyof ScreenEventMap;
export type InternalEventType = keyof InternalEventMap;
export type EventType = keyof EventMap;

/** An event screens may be shown, one member per type: testing `event.type` narrows `event.payload`. */
export type HallEvent<T extends ScreenEventType = ScreenEventType> = {
  [K in T]: {
    /** Increases by one per screen event for the life of the process; screens use it to resynchronise. */
    seq: number;
    type: K;
    at: string;
    payload: ScreenEventMap[K];
    /** Roles that may receive it; 'public' means every connected screen. */
    audience: readonly Role[];
  };
}[T];

/** An event between domains, never pushed. */
export type InternalEvent<T extends InternalEventType = InternalEventType> = {
  [K in T]: { type: K; at: string; payload: InternalEventMap[K] };
}[T];

/** Any event of the given type, screen or internal, as an `on` handler receives it. */
export type EventOf<T extends EventType> = T extends ScreenEventType ? HallEvent<T> : T extends InternalEventType ? InternalEvent<T> : never;

export type EventListener = (event: HallEvent) => void;

export type EventBus = {
  /** Emits an event for screens (the roles in `audience`) and for the domains listening to its type. */
  emit: <T extends ScreenEventType>(type: T, payload: ScreenEventMap[T], audience: readonly Role[]) => HallEvent<T>;
  /** Emits an event to the domains listening to its type only. */
  emitInternal: <T extends InternalEventType>(type: T, payload: InternalEventMap[T]) => void;
  /** Calls `handler` with each event of `type`, its payload typed; returns the unsubscribe. */
  on: <T extends EventType>(type: T, handler: (event: EventOf<T>) => void) => () => void;
  /** Every screen event, in order: the push feeds (main/server/push.ts). Internal events never reach it. */
  subscribe: (listener: EventListener) => () => void;
  /** Screen events after `seq` still held in memory, or undefined when some were already dropped. */
  since: (seq: number) => HallEvent[] | undefined;
  lastSeq: () => number;
};

type AnyEvent = HallEvent | InternalEvent;

/** The last `keep` screen events, for feeds that reconnect and ask what they missed. */
export type EventLog = Pick<EventBus, 'since' | 'lastSeq'> & { add: (event: HallEvent) => void };

export function createEventLog(keep: number): EventLog {
  const recent: HallEvent[] = [];
  let last = 0;
  return {
    add(event) {
      last = event.seq;
      recent.push(event);
      if (recent.length > keep) recent.shift();
    },
    since(after) {
      if (after >= last) return [];
      const first = recent[0];
      if (!first || first.seq > after + 1) return undefined;
      return recent.filter((e) => e.seq > after);
    },
    lastSeq: () => last,
  };
}

export function createEventBus(options: { now: () => Date; keep?: number }): EventBus {
  const log = createEventLog(options.keep ?? 2000);
  // One list for every kind of listener, so they hear each event in the order they joined.
  const listeners = new Set<(event: AnyEvent) => void>();
  let seq = 0;
  const deliver = (event: AnyEvent) => {
    for (const listener of listeners) listener(event);
  };
  const listen = (listener: (event: AnyEvent) => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return {
    emit(type, payload, audience) {
      seq += 1;
      // The one place an event is put together from its parts; its type and payload were checked together by emit's signature.
      // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- TypeScript cannot tie a generic type to its payload inside one literal
      const event = { seq, type, at: options.now().toISOString(), payload, audience } as HallEvent;
      log.add(event);
      deliver(event);
      return event as HallEvent<typeof type>;
    },
    emitInternal(type, payload) {
      deliver({ type, at: options.now().toISOString(), payload });
    },
    on(type, handler) {
      // The bus delivers an event under its own type only, so the narrowing below is what the type says.
      return listen((event) => {
        if (event.type === type) handler(event as EventOf<typeof type>);
      });
    },
    subscribe(listener) {
      return listen((event) => {
        if ('audience' in event) listener(event);
      });
    },
    since: log.since,
    lastSeq: log.lastSeq,
  };
}
