import { type RefObject, useEffect } from 'react';

const editable = (el: Element | null) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;

/**
 * An ID card reader in keyboard mode types the 18 characters and Enter within a moment.
 * Whatever has the focus (a category button the customer just touched, a button at the
 * counter), the keys land in the ID field: a key typed outside any field moves the focus
 * there, with what the field held selected so the card replaces it, before it is typed.
 * Used by the kiosk and by the counter's 证件号码; the field itself keeps the reader's Enter
 * from pressing anything.
 */
export function useCardReader(target: RefObject<HTMLInputElement | null>, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const field = target.current;
      if (!field || e.ctrlKey || e.altKey || e.metaKey) return;
      if (editable(document.activeElement) || document.querySelector('dialog[open]')) return;
      if (/^[0-9Xx]$/.test(e.key)) {
        field.focus();
        field.select();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [target, enabled]);
}
