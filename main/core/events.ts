import type { Role } from './api/roles.ts';
import type { EventMap } from './event-map.ts';

export type EventType = keyof EventMap;

/** One event; over several types, a union a listener narrows by `type` to its payload. */
export type HallEvent<T extends EventType = EventType> = {
  [K in T]: {
    /** Increases by one per event for the life of the process; screens use it to resynchronise. */
    seq: number;
    type: K;
    at: string;
    payload: EventMap[K];
    /** Roles that may receive it; 'public' means every connected screen. */
    audience: readonly Role[];
  };
}[T];

export type EventListener = (event: HallEvent) => void;

export type EventBus = {
  emit: <T extends EventType>(type: T, payload: EventMap[T], audience: readonly Role[]) => HallEvent;
  subscribe: (listener: EventListener) => () => void;
  /** Events after `seq` still held in memory, or undefined when some were already dropped. */
  since: (seq: number) => HallEvent[] | undefined;
  lastSeq: () => number;
};

export function createEventBus(options: { now: () => Date; keep?: number }): EventBus {
  const keep = options.keep ?? 2000;
  const listeners = new Set<EventListener>();
  const recent: HallEvent[] = [];
  let seq = 0;
  return {
    emit(type, payload, audience) {
      seq += 1;
      // TypeScript cannot follow that `payload` belongs to this `type` (a correlated union): asserted here, once, for every listener to narrow.
      const event = { seq, type, at: options.now().toISOString(), payload, audience } as HallEvent;
      recent.push(event);
      if (recent.length > keep) recent.shift();
      for (const listener of listeners) listener(event);
      return event;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    since(after) {
      if (after >= seq) return [];
      const first = recent[0];
      if (!first || first.seq > after + 1) return undefined;
      return recent.filter((e) => e.seq > after);
    },
    lastSeq: () => seq,
  };
}
