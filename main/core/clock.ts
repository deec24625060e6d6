/**
 * The hall's one clock. Every reading of "now" in main/ and db/ goes through a Clock (the
 * architecture test refuses `new Date()` and `Date.now()` elsewhere), so a hall, a training
 * hall or a test can run on a time of its choosing and every screen agrees with the server.
 */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and then runs at the speed of real time (`--clock-start`):
 * for tests, training halls and demos. It advances with the monotonic clock, so changing the
 * PC's date while it runs moves nothing.
 */
export function runningClock(start: Date, monotonicMs: () => number = () => performance.now()): Clock {
  if (Number.isNaN(start.getTime())) throw new RangeError('a clock cannot start at an invalid date');
  const origin = monotonicMs();
  return { now: () => new Date(start.getTime() + (monotonicMs() - origin)) };
}

export const addMinutes = (date: Date, minutes: number): Date => new Date(date.getTime() + minutes * 60_000);
