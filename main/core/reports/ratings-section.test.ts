import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { figureRows } from '../../../db/ratings.ts';
import { HALL_DAY, seedHallDay } from '../../../test/fixtures/hall-day.ts';
import { computeFigures } from '../ratings/figures.ts';
import { openTestHall, type TestHall } from '../testing.ts';
import { periodOf } from './period.ts';
import { ratingsSection } from './ratings-section.ts';

let hall: TestHall;
beforeEach(() => {
  hall = openTestHall();
  seedHallDay(hall.db);
});
afterEach(() => hall.close());

describe("the report's ratings figures", () => {
  it('are the ratings domain’s own figures, per clerk and in total', () => {
    const section = ratingsSection(hall.db, periodOf(HALL_DAY, HALL_DAY, 'Asia/Shanghai'), HALL_DAY);
    const domain = computeFigures(figureRows(hall.db, HALL_DAY, HALL_DAY), 'staff');
    const pick = (f: {
      served: number;
      rated: number;
      unrated: number;
      pending: number;
      ratings: number;
      good: number;
      bad: number;
      completionRate: number | null;
      goodRate: number | null;
      meetsTarget: boolean | null;
    }) => ({
      served: f.served,
      rated: f.rated,
      unrated: f.unrated,
      pending: f.pending,
      ratings: f.ratings,
      good: f.good,
      bad: f.bad,
      completionRate: f.completionRate,
      goodRate: f.goodRate,
      meetsTarget: f.meetsTarget,
    });
    expect(pick(section.total)).toEqual(pick(domain.total));
    expect(section.byClerk.map((c) => [c.key, pick(c)])).toEqual(domain.rows.filter((r) => r.served > 0).map((r) => [r.key, pick(r)]));
    expect(section.total.bad).toBe(2);
  });
});
