import type { Result } from '../../main/core/api/errors.ts';
import type { PushState } from '../api/push.ts';
import { emptyDraft, type IntakeDraft, restoreDraft } from './form-state.ts';

type SavedDraft = { draft: Record<string, unknown>; updatedAt: string } | null;

export type DraftOnOpen = { kind: 'restore'; draft: IntakeDraft; savedAt: string } | { kind: 'empty'; draft: IntakeDraft } | { kind: 'retry' };

/**
 * What the form starts from when the counter screen opens. A hall that cannot be reached (or
 * fails) is asked again: an empty form would let the clerk's first keystroke overwrite the
 * draft the hall still holds — after a crash restart or a reload during a network blip, the
 * very moment the draft matters.
 */
export function draftOnOpen(result: Result<SavedDraft>): DraftOnOpen {
  if (!result.ok) return result.error.code === 'internal' ? { kind: 'retry' } : { kind: 'empty', draft: emptyDraft() };
  if (!result.value) return { kind: 'empty', draft: emptyDraft() };
  return { kind: 'restore', draft: restoreDraft(result.value.draft), savedAt: result.value.updatedAt };
}

/** Typing the hall did not get while it was away is sent as soon as the push connection is back. */
export const flushOnReconnect = (before: PushState | undefined, now: PushState | undefined, dirty: boolean): boolean =>
  dirty && now === 'online' && before !== undefined && before !== 'online';
