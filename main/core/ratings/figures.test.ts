import { describe, expect, it } from 'vitest';
import type { FigureRow } from '../../../db/ratings.ts';
import { computeFigures } from './figures.ts';

let nextId = 1;
const row = (r: Partial<FigureRow>): FigureRow => ({
  id: nextId++,
  day: '2026-03-02',
  stage: 'intake',
  status: 'rated',
  level: 1,
  counterId: 1,
  staffId: 7,
  utilities: ['water'],
  channel: 'screen',
  invitedAt: '2026-03-02T02:00:00.000Z',
  ratedAt: '2026-03-02T02:00:09.000Z',
  ...r,
});

describe('computeFigures', () => {
  it('gives a clerk 9 of 10 services rated as exactly the 90% target, and 8 of 10 as missing it', () => {
    const clerk7 = [...Array.from({ length: 9 }, () => row({ level: 2 })), row({ status: 'unrated', level: null })];
    const clerk8 = [
      ...Array.from({ length: 8 }, () => row({ staffId: 8, level: 1 })),
      row({ staffId: 8, status: 'unrated', level: null }),
      row({ staffId: 8, status: 'unrated', level: null }),
    ];
    const { rows, total } = computeFigures([...clerk7, ...clerk8], 'staff');
    expect(rows.map((r) => [r.key, r.served, r.rated, r.completionRate, r.meetsTarget])).toEqual([
      ['7', 10, 9, 0.9, true],
      ['8', 10, 8, 0.8, false],
    ]);
    expect(rows[1]?.unratedRate).toBeCloseTo(0.2);
    expect(total).toMatchObject({ served: 20, rated: 17, unrated: 3, completionRate: 0.85, meetsTarget: false });
  });

  it('counts 非常满意, 满意 and 基本满意 as good and the two lowest as bad', () => {
    const { total } = computeFigures(
      [1, 2, 3, 4, 5].map((level) => row({ level })),
      'day',
    );
    expect(total).toMatchObject({ ratings: 5, good: 3, bad: 2, goodRate: 0.6 });
  });

  it('counts a 办结 rating from the receipt in 好评率 and bad ratings but not as a service served', () => {
    const { total } = computeFigures([row({ level: 1 }), row({ stage: 'completed', level: 5 })], 'counter');
    expect(total).toMatchObject({ served: 1, rated: 1, completionRate: 1, ratings: 2, good: 1, bad: 1, goodRate: 0.5 });
  });

  it('counts a service of two utilities under each, and one without an application under none', () => {
    const { rows } = computeFigures([row({ utilities: ['water', 'gas'], level: 4 }), row({ utilities: [], status: 'unrated', level: null })], 'utility');
    expect(rows.map((r) => [r.key, r.served, r.bad])).toEqual([
      ['gas', 1, 1],
      ['water', 1, 1],
      ['', 1, 0],
    ]);
  });

  it('groups by month and leaves rates empty where nothing was served or rated', () => {
    const { rows } = computeFigures(
      [row({ day: '2026-02-27', stage: 'completed', level: 2 }), row({ day: '2026-03-01', status: 'pending', level: null })],
      'month',
    );
    expect(rows.map((r) => [r.key, r.served, r.pending, r.completionRate, r.goodRate, r.meetsTarget])).toEqual([
      ['2026-02', 0, 0, null, 1, null],
      ['2026-03', 1, 1, 0, null, false],
    ]);
  });
});

describe('patterns a manager should look at', () => {
  it('counts keyboard ratings apart, flags ratings within a second of the invitation, and a keyboard with only top ratings', () => {
    const keyboardTop = Array.from({ length: 5 }, () => row({ channel: 'keypad', level: 1, staffId: 8 }));
    const quick = row({ staffId: 9, ratedAt: '2026-03-02T02:00:00.400Z' });
    const honest = [row({ staffId: 7 }), row({ staffId: 7, channel: 'keypad', level: 2 })];
    const { rows, total } = computeFigures([...keyboardTop, quick, ...honest], 'staff');
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by['8']).toMatchObject({ keyboard: 5, quick: 0, flags: ['keyboardAllTop'] });
    expect(by['9']).toMatchObject({ keyboard: 0, quick: 1, flags: ['quickRatings'] });
    expect(by['7']).toMatchObject({ keyboard: 1, quick: 0, flags: [] });
    expect(total).toMatchObject({ keyboard: 6, quick: 1 });
  });
});
