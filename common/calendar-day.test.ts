import { describe, expect, it } from 'vitest';
import { addDays, isDay, isWeekend, previousMonth, weekday, yearOf } from './calendar-day.ts';

describe('calendar days', () => {
  it('knows a real day from a string that only looks like one', () => {
    expect(['2024-02-29', '2026-12-31', '2026-01-01'].map(isDay)).toEqual([true, true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-1-01', '2026-01-01T00:00', ''].map(isDay)).toEqual([false, false, false, false, false]);
  });

  it('steps across months, years and a leap day, and refuses a non-day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('names weekdays, weekends and years', () => {
    expect(weekday('2026-11-23')).toBe(1);
    expect(['2026-11-21', '2026-11-22', '2026-11-23'].map(isWeekend)).toEqual([true, true, false]);
    expect(yearOf('2026-11-23')).toBe(2026);
  });

  it('finds the month before, across a year', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
  });
});
