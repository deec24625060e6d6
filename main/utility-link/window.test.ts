import { describe, expect, it } from 'vitest';
import { dueTrigger, lastWindow } from './window.ts';

const tz = 'Asia/Shanghai';
const window = { start: '01:00', end: '05:00' };
const at = (iso: string) => new Date(iso);

describe('the nightly window', () => {
  it('runs inside the window once a night, and catches up after a night the machine was off', () => {
    // 02:00 in Shanghai is 18:00 UTC the day before.
    expect(dueTrigger(at('2026-10-01T18:00:00Z'), tz, window, { successAt: null, attemptAt: null })).toBe('schedule');
    expect(dueTrigger(at('2026-10-01T18:30:00Z'), tz, window, { successAt: '2026-10-01T18:00:05Z', attemptAt: '2026-10-01T18:00:05Z' })).toBeNull();
    // 09:00 on 2 October: last night's window passed with no success.
    expect(dueTrigger(at('2026-10-02T01:00:00Z'), tz, window, { successAt: '2026-09-30T17:30:00Z', attemptAt: '2026-09-30T17:30:00Z' })).toBe('catchup');
    // 00:30: before tonight's window, last night's run succeeded: nothing due.
    expect(dueTrigger(at('2026-10-02T16:30:00Z'), tz, window, { successAt: '2026-10-01T17:10:00Z', attemptAt: '2026-10-01T17:10:00Z' })).toBeNull();
  });

  it('waits after a failed attempt before trying again: 15 minutes inside the window, an hour outside', () => {
    const failedAt = '2026-10-01T18:00:00Z';
    expect(dueTrigger(at('2026-10-01T18:10:00Z'), tz, window, { successAt: null, attemptAt: failedAt })).toBeNull();
    expect(dueTrigger(at('2026-10-01T18:16:00Z'), tz, window, { successAt: null, attemptAt: failedAt })).toBe('schedule');
    expect(dueTrigger(at('2026-10-01T21:30:00Z'), tz, window, { successAt: null, attemptAt: '2026-10-01T20:59:00Z' })).toBeNull();
    expect(dueTrigger(at('2026-10-01T22:00:00Z'), tz, window, { successAt: null, attemptAt: '2026-10-01T20:59:00Z' })).toBe('catchup');
  });

  it('handles a window over midnight', () => {
    const w = lastWindow(at('2026-10-01T17:30:00Z'), tz, '23:00', '02:00'); // 01:30 hall time
    expect(w.opens.toISOString()).toBe('2026-10-01T15:00:00.000Z');
    expect(w.closes.toISOString()).toBe('2026-10-01T18:00:00.000Z');
  });
});
