import { useCallback, useEffect, useRef, useState } from 'react';
import { send } from '../api/client.ts';
import { usePush } from '../shared/PushProvider.tsx';
import { draftOnOpen, flushOnReconnect } from './draft-sync.ts';
import { emptyDraft, type IntakeDraft, isBlank } from './form-state.ts';

/** Long enough to save once per burst of typing, short enough that a power cut loses a word at most. */
const SAVE_DELAY_MS = 500;
/** How soon the saved draft is asked for again while the hall cannot be reached. */
const OPEN_RETRY_MS = 3_000;

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
    let timer: ReturnType<typeof setTimeout> | undefined;
    setDraft(undefined);
    const open = () =>
      void send('intake/getDraft', { counterId }).then((result) => {
        if (!live) return;
        const opened = draftOnOpen(result);
        if (opened.kind === 'retry') {
          timer = setTimeout(open, OPEN_RETRY_MS);
          return;
        }
        if (opened.kind === 'restore') setSavedAt(opened.savedAt);
        setDraft(opened.draft);
      });
    open();
    return () => {
      live = false;
      clearTimeout(timer);
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

  // What was typed while the hall was away goes as soon as it is back, not at the next keystroke.
  const pushState = usePush()?.state;
  const lastPushState = useRef(pushState);
  useEffect(() => {
    const before = lastPushState.current;
    lastPushState.current = pushState;
    if (flushOnReconnect(before, pushState, dirty.current)) void flush();
  }, [pushState, flush]);

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
    // Nothing was restored into the fresh form: without this it said 已恢复草稿 with the old time.
    setSavedAt(undefined);
  }, []);

  /** Throws the form away, here and on the hall. */
  const discard = useCallback(async () => {
    dirty.current = false;
    setDraft(emptyDraft());
    setSavedAt(undefined);
    await send('intake/discardDraft', { counterId });
    setSave('idle');
  }, [counterId]);

  return { draft, update, reset, discard, save, savedAt };
}
