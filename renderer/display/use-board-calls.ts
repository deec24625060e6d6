import { useEffect, useMemo, useRef, useState } from 'react';
import type { EventMap } from '../../main/core/event-map.ts';
import type { HallEvent } from '../../main/core/events.ts';
import type { CallView, Overview } from '../queue/use-overview.ts';
import { hallNowMs } from '../shared/hall-clock.ts';
import { usePush } from '../shared/PushProvider.tsx';

/** How long a new call blinks. */
export const BLINK_MS = 5_000;
/** A call replayed after a reconnect is still announced when it is younger than this. */
export const REPLAY_MAX_AGE_MS = 60_000;
/** Calls the board lists. */
export const HISTORY_LENGTH = 10;

type CalledEvent = HallEvent<'queue/called'>;
const isCall = (event: HallEvent): event is CalledEvent => event.type === 'queue/called';

/**
 * The board's calls: today's from the overview merged with those pushed since, one entry
 * per call event whatever the order they arrive in. Each pushed call is announced once;
 * a call replayed after a network drop only while it is news (REPLAY_MAX_AGE_MS). A
 * resync reloads the overview (useQuery does) and announces nothing.
 */
export function useBoardCalls(overview: Overview | undefined, announce: (call: EventMap['queue/called']) => void) {
  const push = usePush();
  const [pushed, setPushed] = useState<CallView[]>([]);
  const [fresh, setFresh] = useState<readonly number[]>([]);
  const announced = useRef(new Set<number>());
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const say = useRef(announce);
  say.current = announce;

  useEffect(() => {
    if (!push) return;
    return push.onEvent((event) => {
      if (!isCall(event)) return;
      const call = event.payload;
      setPushed((list) => [call, ...list.filter((c) => c.eventId !== call.eventId)].slice(0, HISTORY_LENGTH * 3));
      if (announced.current.has(call.eventId) || hallNowMs() - Date.parse(event.at) > REPLAY_MAX_AGE_MS) return;
      announced.current.add(call.eventId);
      // A board runs for days: remember enough calls to recognise a replay, not all of them.
      for (const old of announced.current) {
        if (announced.current.size <= 500) break;
        announced.current.delete(old);
      }
      say.current(call);
      setFresh((ids) => [...ids, call.eventId]);
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        setFresh((ids) => ids.filter((id) => id !== call.eventId));
      }, BLINK_MS);
      timers.current.add(timer);
    });
  }, [push]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  const calls = useMemo(() => {
    const byEvent = new Map<number, CallView>();
    for (const call of [...pushed, ...(overview?.calls ?? [])]) if (!byEvent.has(call.eventId)) byEvent.set(call.eventId, call);
    return [...byEvent.values()].sort((a, b) => b.eventId - a.eventId);
  }, [pushed, overview?.calls]);

  // Now calling: each counter's latest call while that ticket is still at the counter
  // (or still blinking, before the overview has caught up with it).
  const current = useMemo(() => {
    const out: CallView[] = [];
    for (const counter of overview?.counters ?? []) {
      const latest = calls.find((c) => c.counterId === counter.id);
      if (!latest) continue;
      const held = counter.current?.id === latest.ticketId && (counter.current.status === 'called' || counter.current.status === 'serving');
      if (held || fresh.includes(latest.eventId)) out.push(latest);
    }
    return out.sort((a, b) => b.eventId - a.eventId);
  }, [calls, overview?.counters, fresh]);

  return { calls: calls.slice(0, HISTORY_LENGTH), current, fresh };
}
