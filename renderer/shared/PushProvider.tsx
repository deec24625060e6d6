import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { HallEvent } from '../../main/core/events.ts';
import { connectPush, type PushState } from '../api/push.ts';
import type { SessionScope } from '../api/session.ts';

type PushContext = {
  state: PushState;
  onEvent: (listener: (event: HallEvent) => void) => () => void;
  onResync: (listener: () => void) => () => void;
};

const Context = createContext<PushContext | undefined>(undefined);

export const usePush = () => useContext(Context);

/** One live connection for a screen whose session is `scope`; reconnects on its own. */
export function PushProvider({ scope, token, children }: { scope: SessionScope; token: string | undefined; children: ReactNode }) {
  const [state, setState] = useState<PushState>('connecting');
  const listeners = useMemo(() => ({ event: new Set<(e: HallEvent) => void>(), resync: new Set<() => void>() }), []);

  useEffect(() => {
    if (!token) return;
    return connectPush(scope, {
      onEvent: (event) => listeners.event.forEach((l) => l(event)),
      onResync: () => listeners.resync.forEach((l) => l()),
      onState: setState,
    });
  }, [scope, token, listeners]);

  const value = useMemo<PushContext>(
    () => ({
      state,
      onEvent: (l) => {
        listeners.event.add(l);
        return () => listeners.event.delete(l);
      },
      onResync: (l) => {
        listeners.resync.add(l);
        return () => listeners.resync.delete(l);
      },
    }),
    [state, listeners],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
