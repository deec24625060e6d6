import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, HALL_DAY, seedHallDay } from '../../test/fixtures/hall-day.ts';
import { addDays } from '../../common/calendar-day.ts';
import { silentLogger } from '../../common/logger.ts';
import { inProcessReports } from '../core/reports/report-port.ts';
import { openTestHall, type TestHall } from '../core/testing.ts';
import { keepClosedDays } from './keep-closed-days.ts';

let hall: TestHall;
beforeEach(() => {
  hall = openTestHall();
  seedHallDay(hall.db);
});
afterEach(() => hall.close());

const keptDays = () => (hall.db.prepare('SELECT day FROM report_day_times ORDER BY day').all() as { day: string }[]).map((r) => r.day);

describe('keeping closed days for reports', () => {
  it('keeps yesterday once the hall day has turned, once, and the next day after the next midnight', async () => {
    hall.setTime(at(addDays(HALL_DAY, 1), '08:00'));
    const keeper = keepClosedDays({ db: hall.db, reports: inProcessReports(hall.db), now: hall.now, logger: silentLogger });
    await keeper.check();
    expect(keptDays()).toEqual([HALL_DAY]);

    // Kept days are deleted by a change to their records; a second check the same day does not recompute.
    hall.db.prepare('DELETE FROM report_day_times').run();
    await keeper.check();
    expect(keptDays()).toEqual([]);

    hall.setTime(at(addDays(HALL_DAY, 2), '00:05'));
    await keeper.check();
    expect(keptDays()).toEqual([addDays(HALL_DAY, 1)]);
  });
});
