import { useEffect, useRef } from 'react';

/** What counts as someone at the kiosk: a touch, a click, a key (the ID card reader types too). */
const activity = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * Calls `onIdle` once `seconds` have passed without anyone touching the screen, then waits
 * for the next touch before counting again. A kiosk left half-way (a phone number typed, the
 * English screen chosen) must not greet the next customer with it.
 */
export function useIdleReset(seconds: number, onIdle: () => void, enabled = true) {
  const idle = useRef(onIdle);
  idle.current = onIdle;
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.current(), seconds * 1000);
    };
    restart();
    for (const type of activity) window.addEventListener(type, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of activity) window.removeEventListener(type, restart, { capture: true });
    };
  }, [seconds, enabled]);
}
