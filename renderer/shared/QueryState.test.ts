import { describe, expect, it } from 'vitest';
import { loadStateOf } from './QueryState.tsx';

const failure = { code: 'internal', messageKey: 'errors.internal' } as const;

describe('the state a list or figure shows', () => {
  it('is loading, never empty, while the first answer is on its way', () => {
    expect(loadStateOf({ loading: true, error: undefined, hasData: false, empty: true })).toBe('loading');
  });
  it('is empty only once an empty answer has arrived', () => {
    expect(loadStateOf({ loading: false, error: undefined, hasData: true, empty: true })).toBe('empty');
    expect(loadStateOf({ loading: true, error: undefined, hasData: true, empty: false })).toBe('ready');
  });
  it('is failed whenever the last answer was an error, data or not', () => {
    expect(loadStateOf({ loading: false, error: failure, hasData: false, empty: true })).toBe('failed');
    expect(loadStateOf({ loading: false, error: failure, hasData: true, empty: false })).toBe('failed');
  });
});
