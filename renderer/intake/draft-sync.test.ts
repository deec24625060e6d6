import { describe, expect, it } from 'vitest';
import { draftOnOpen, flushOnReconnect } from './draft-sync.ts';
import { emptyDraft } from './form-state.ts';

describe('the counter’s draft across a hall that drops', () => {
  it('asks again instead of opening an empty form when the hall cannot be reached (the saved draft would be overwritten)', () => {
    expect(draftOnOpen({ ok: false, error: { code: 'internal', messageKey: 'errors.network' } })).toEqual({ kind: 'retry' });
    expect(draftOnOpen({ ok: true, value: null })).toMatchObject({ kind: 'empty', draft: { businesses: [], bundle: null } });
    const saved = { ...emptyDraft(), idempotencyKey: 'k-1', businesses: ['power-new'] };
    const opened = draftOnOpen({ ok: true, value: { draft: saved, updatedAt: '2026-03-02T01:00:00Z' } });
    expect(opened).toMatchObject({ kind: 'restore', savedAt: '2026-03-02T01:00:00Z', draft: { businesses: ['power-new'] } });
    // Refusals are not the network: nothing to wait for.
    expect(draftOnOpen({ ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } }).kind).toBe('empty');
  });

  it('sends what was typed while the hall was away as soon as the push connection is back', () => {
    expect(flushOnReconnect('offline', 'online', true)).toBe(true);
    expect(flushOnReconnect('connecting', 'online', true)).toBe(true);
    expect(flushOnReconnect('offline', 'online', false)).toBe(false);
    expect(flushOnReconnect('online', 'online', true)).toBe(false);
    expect(flushOnReconnect('online', 'offline', true)).toBe(false);
    expect(flushOnReconnect(undefined, 'online', true)).toBe(false);
  });
});
