import { useEffect, useRef } from 'react';

export type Shortcut = { key: string; enabled: boolean; run: () => void };

/**
 * Function keys drive the counter. They work wherever the focus is, but not while a
 * dialog is open (the dialog has the keyboard then) and not when the key repeats.
 */
export function useShortcuts(shortcuts: readonly Shortcut[], active: boolean) {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const shortcut = latest.current.find((s) => s.key === e.key);
      if (!shortcut) return;
      // The browser's own F1 help, F3 find, F7 caret browsing must not fire either.
      e.preventDefault();
      if (e.repeat || !shortcut.enabled || document.querySelector('dialog[open]')) return;
      shortcut.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
