import { useEffect, useRef } from 'react';
import type { CounterDeviceView } from '../../main/core/ratings/contract.ts';

type Binding = NonNullable<CounterDeviceView['keyboard']>[number];

/**
 * A keyboard-mode rating keypad types into the counter's window. Only while a rating is
 * invited, only its bound keys, never a held key's repeats or a press with Ctrl, Alt or
 * Meta (the clerk's shortcuts); the key is then the keypad's, not the page's. The server
 * maps it through the counter's profile again (common/rating-profile/keyboard-keypad.ts).
 */
export function useKeypad(
  bindings: readonly Binding[] | null | undefined,
  invitedRatingId: number | undefined,
  onKey: (ratingId: number, press: { code: string; key: string }) => void,
) {
  const latest = useRef(onKey);
  latest.current = onKey;
  useEffect(() => {
    if (!bindings || bindings.length === 0 || invitedRatingId === undefined) return;
    const listener = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.altKey || e.metaKey) return;
      const bound = bindings.some((b) => (b.code !== null ? b.code === e.code : b.eventKey === e.key));
      if (!bound) return;
      e.preventDefault();
      e.stopPropagation();
      latest.current(invitedRatingId, { code: e.code, key: e.key });
    };
    // Capture: before the counter's own shortcuts see it.
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, [bindings, invitedRatingId]);
}
