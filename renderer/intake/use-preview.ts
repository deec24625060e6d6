import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../main/core/api/errors.ts';
import type { Preview } from '../../main/core/intake/views.ts';
import { send } from '../api/client.ts';
import { decisionsOf, feesOf, hasSelection, type IntakeDraft, selectionOf } from './form-state.ts';

const PREVIEW_DELAY_MS = 150;

/**
 * What the chosen businesses mean, from the hall: the materials once, the itemised fees
 * with the hash the customer's signature must match, the deadlines, and what would block
 * submission. Asked again when the selection, the fee choices or a material changes.
 */
export function usePreview(draft: IntakeDraft | undefined) {
  const [preview, setPreview] = useState<Preview>();
  const [error, setError] = useState<ApiError>();
  const [tick, setTick] = useState(0);
  const request = useRef(0);
  const key = draft && hasSelection(draft) ? JSON.stringify([selectionOf(draft), feesOf(draft), decisionsOf(draft)]) : '';

  useEffect(() => {
    if (!draft || !key) {
      setPreview(undefined);
      setError(undefined);
      return;
    }
    const input = { selection: selectionOf(draft), fees: feesOf(draft), materials: decisionsOf(draft) };
    const id = ++request.current;
    const timer = setTimeout(() => {
      void send('intake/preview', input).then((result) => {
        if (id !== request.current) return;
        if (result.ok) {
          setPreview(result.value);
          setError(undefined);
        } else setError(result.error);
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // key stands for the parts of the draft the preview depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- draft is a new object each render; key is its content
  }, [key, tick]);

  return { preview: key ? preview : undefined, error, refresh: () => setTick((n) => n + 1) };
}
