import { useState } from 'react';

/**
 * A list whose rows open a dialog for an action: the row and action open now, and what the last
 * action did, said above the list. Finishing closes the dialog, says so and reloads the list.
 */
export function useRowDialog<A>(reload: () => void) {
  const [action, setAction] = useState<A>();
  const [done, setDone] = useState<string>();
  const close = () => setAction(undefined);
  const finish = (text: string) => {
    setAction(undefined);
    setDone(text);
    reload();
  };
  return { action, setAction, close, finish, done, setDone };
}
