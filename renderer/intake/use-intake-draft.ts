import { useCallback, useEffect, useRef, useState } from 'react';
import { send } from '../api/client.ts';
import { emptyDraft, type IntakeDraft, isBlank, restoreDraft } from './form-state.ts';

/** Long enough to save once per burst of typing, short enough that a power cut loses a word at most. */
const SAVE_DELAY_MS = 500;

export type DraftSave = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * The form as the clerk types it, saved to the hall (intake/saveDraft) shortly after each
 * change and restored from it (intake/getDraft) when the counter screen opens again after a
 * reload, a crash or a power cut.
 */
export function useIntakeDraft(counterId: number) {
  const [draft, setDraft] = useState<IntakeDraft>();
  const [save, setSave] = useState<DraftSave>('idle');
  const [savedAt, setSavedAt] = useState<string>();
  const dirty = useRef(false);
  const latest = useRef<IntakeDraft | undefined>(undefined);
  latest.current = draft;

  useEffect(() => {
    let live = true;
    setDraft(undefined);
    void send('intake/getDraft', { counterId }).then((result) => {
      if (!live) return;
      const saved = result.ok && result.value ? restoreDraft(result.value.draft) : emptyDraft();
      if (result.ok && result.value) setSavedAt(result.value.updatedAt);
      setDraft(saved);
    });
    return () => {
      live = false;
    };
  }, [counterId]);

  const flush = useCallback(async () => {
    const current = latest.current;
    if (!current || !dirty.current) return;
    dirty.current = false;
    setSave('saving');
    const result = isBlank(current) ? await send('intake/discardDraft', { counterId }) : await send('intake/saveDraft', { counterId, draft: current });
    if (result.ok) {
      setSave('saved');
      if ('updatedAt' in result.value) setSavedAt(result.value.updatedAt);
    } else {
      // Kept dirty: the next change (or the next flush) tries again.
      dirty.current = true;
      setSave('failed');
    }
  }, [counterId]);

  useEffect(() => {
    if (!draft || !dirty.current) return;
    const timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, flush]);

  // Leaving the page (reload, closing the tab) saves what the timer had not yet.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [flush]);

  const update = useCallback((change: (d: IntakeDraft) => IntakeDraft) => {
    dirty.current = true;
    setDraft((d) => (d ? change(d) : d));
  }, []);

  /** A fresh form after a submission (the server has dropped the saved draft already). */
  const reset = useCallback(() => {
    dirty.current = false;
    setDraft(emptyDraft());
    setSave('idle');
  }, []);

  /** Throws the form away, here and on the hall. */
  const discard = useCallback(async () => {
    dirty.current = false;
    setDraft(emptyDraft());
    await send('intake/discardDraft', { counterId });
    setSave('idle');
  }, [counterId]);

  return { draft, update, reset, discard, save, savedAt };
}
