import { describe, expect, it } from 'vitest';
import { daysInMonth, monthWeeks, shiftMonth, weekdayOf } from './month-grid.ts';

describe('the month grid of the working calendar', () => {
  it('knows weekdays and month lengths', () => {
    expect(weekdayOf(2026, 12, 1)).toBe(1); // a Tuesday
    expect(weekdayOf(2026, 10, 4)).toBe(6); // a Sunday
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(shiftMonth(2026, 12, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth(2027, 1, -1)).toEqual({ year: 2026, month: 12 });
  });

  it('lays December 2026 out from Monday with holidays, make-up workdays and weekends', () => {
    const weeks = monthWeeks(2026, 12, { holidays: ['2026-12-02'], workdays: ['2026-12-05'], overrides: [{ date: '2026-12-02' }] });
    expect(weeks[0]?.[0]).toBeNull();
    expect(weeks[0]?.[1]?.date).toBe('2026-12-01');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    const cells = weeks.flat().filter((c) => c !== null);
    expect(cells).toHaveLength(31);
    const byDate = new Map(cells.map((c) => [c.date, c]));
    expect(byDate.get('2026-12-02')).toMatchObject({ rest: true, holiday: true, override: true });
    expect(byDate.get('2026-12-05')).toMatchObject({ weekend: true, rest: false, workday: true });
    expect(byDate.get('2026-12-06')).toMatchObject({ weekend: true, rest: true });
    expect(byDate.get('2026-12-07')).toMatchObject({ rest: false });
  });
});
