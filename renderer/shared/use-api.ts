import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../main/core/api/errors.ts';
import type { InputOf, OutputOf } from '../../main/core/api/method.ts';
import type { Contract, MethodName } from '../../main/core/contract.ts';
import type { EventType, HallEvent } from '../../main/core/events.ts';
import { send } from '../api/client.ts';
import type { SessionScope } from '../api/session.ts';
import { usePush } from './PushProvider.tsx';

export type Query<T> = { data: T | undefined; error: ApiError | undefined; loading: boolean; reload: () => void };

/** Loads a method's result, and loads it again when one of `refreshOn` is pushed or after a resync. */
export function useQuery<K extends MethodName>(
  name: K,
  input: InputOf<Contract[K]>,
  options: {
    scope?: SessionScope;
    refreshOn?: readonly EventType[];
    enabled?: boolean;
    /** Reads the new result straight from a pushed event when it carries one (no request); otherwise refreshOn reloads. */
    fromEvent?: (event: HallEvent) => OutputOf<Contract[K]> | undefined;
  } = {},
): Query<OutputOf<Contract[K]>> {
  const [data, setData] = useState<OutputOf<Contract[K]>>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const inputKey = JSON.stringify(input);
  const inputRef = useRef(input);
  inputRef.current = input;
  const enabled = options.enabled ?? true;
  const scope = options.scope ?? 'staff';

  // Answers can overtake each other (a push reload and a form's reload at once); only
  // the latest request's answer counts, or an older state would overwrite a newer one.
  const latest = useRef(0);
  const reload = useCallback(() => {
    if (!enabled) return;
    const request = ++latest.current;
    setLoading(true);
    void send(name, inputRef.current, scope).then((result) => {
      if (request !== latest.current) return;
      setLoading(false);
      if (result.ok) {
        setData(result.value);
        setError(undefined);
      } else setError(result.error);
    });
    // inputKey stands for input: a new object with the same content is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- inputKey is the content of inputRef.current, read through the ref
  }, [name, inputKey, scope, enabled]);

  useEffect(reload, [reload]);

  const push = usePush();
  const refreshKey = (options.refreshOn ?? []).join(',');
  const fromEvent = useRef(options.fromEvent);
  fromEvent.current = options.fromEvent;
  useEffect(() => {
    if (!push || !enabled) return;
    const types = refreshKey ? refreshKey.split(',') : [];
    const offEvent = push.onEvent((event) => {
      const carried = fromEvent.current?.(event);
      if (carried !== undefined) {
        // Newer than any answer still on its way: that answer must not overwrite it.
        latest.current += 1;
        setData(carried);
        setError(undefined);
        setLoading(false);
        return;
      }
      if (types.includes(event.type)) reload();
    });
    const offResync = push.onResync(reload);
    return () => {
      offEvent();
      offResync();
    };
  }, [push, refreshKey, reload, enabled]);

  return { data, error, loading, reload };
}

/** Runs a method on demand (a form submit) and keeps its last error for the form to show. */
export function useMutation<K extends MethodName>(name: K, scope: SessionScope = 'staff') {
  const [error, setError] = useState<ApiError>();
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async (input: InputOf<Contract[K]>): Promise<OutputOf<Contract[K]> | undefined> => {
      setPending(true);
      const result = await send(name, input, scope);
      setPending(false);
      if (result.ok) {
        setError(undefined);
        return result.value;
      }
      setError(result.error);
      return undefined;
    },
    [name, scope],
  );
  return { run, error, pending, clearError: () => setError(undefined) };
}
