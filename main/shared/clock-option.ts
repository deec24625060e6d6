import { type Clock, runningClock, systemClock } from '../core/clock.ts';

/**
 * `--clock-start 2026-11-25T09:00:00+08:00` (or ONEWINDOW_CLOCK_START): the hall's clock starts
 * at that instant and runs on from there, for tests, training halls and demos. Without it the
 * hall runs on the machine's clock. An instant needs its offset (or Z): a bare local time
 * would mean different things on differently configured PCs.
 */
export function clockFromOption(value: string | undefined): { clock: Clock } | { error: string } {
  if (value === undefined || value === '') return { clock: systemClock };
  const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  const start = new Date(value);
  if (!withOffset.test(value) || Number.isNaN(start.getTime())) {
    return { error: `invalid --clock-start "${value}": give an instant with its offset, e.g. 2026-11-25T09:00:00+08:00` };
  }
  return { clock: runningClock(start) };
}
