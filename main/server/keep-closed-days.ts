import type { Db } from '../../db/connection.ts';
import { addDays } from '../../common/calendar-day.ts';
import type { Logger } from '../../common/logger.ts';
import { hallDay } from '../../common/hall-time.ts';
import { hallTimeZone } from '../core/hall/time-zone.ts';
import type { ReportPort } from '../core/reports/report-port.ts';

/**
 * Once a hall day has closed, computes its report in a report worker, whose day's wait and
 * service times the hall's writer keeps (report-workers.ts, day-times.ts): the month's report then finds
 * every closed day ready instead of reading its tickets at the manager's request. Checked with
 * the hall's periodic tick; a failure is logged and tried at the next check.
 */
export function keepClosedDays(options: { db: Db; reports: ReportPort; now: () => Date; logger: Logger }): { check: () => Promise<void>; stop: () => void } {
  let kept: string | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const check = async () => {
    if (running) return running;
    if (stopped) return;
    const now = options.now();
    const yesterday = addDays(hallDay(now, hallTimeZone(options.db)), -1);
    if (kept === yesterday) return;
    // Only the headline figures come back, with the day's times for the writer to keep; the rest is not needed here.
    running = options.reports
      .summary(yesterday, yesterday, now)
      .then(() => {
        kept = yesterday;
      })
      .catch((err: unknown) => {
        // A hall closing while the day is computed refuses it: nothing to report.
        if (!stopped) options.logger.error({ err, day: yesterday }, 'keeping the closed day for reports failed');
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  return {
    check,
    stop() {
      stopped = true;
    },
  };
}
