import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeThrottle } from './change-throttle.ts';

afterEach(() => vi.useRealTimers());

describe('the queue state throttle', () => {
  it('pushes the first change at once, folds a burst into one push at the end of the window', () => {
    vi.useFakeTimers();
    const push = vi.fn();
    const throttle = changeThrottle(push, 50);
    throttle.request();
    expect(push).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 100; i++) throttle.request();
    expect(push).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(50);
    expect(push).toHaveBeenCalledTimes(2);
    // Quiet after that: nothing more goes out, and the next change is at once again.
    vi.advanceTimersByTime(200);
    expect(push).toHaveBeenCalledTimes(2);
    throttle.request();
    expect(push).toHaveBeenCalledTimes(3);
  });

  it('with a window of 0 pushes every change as it happens, and nothing after stop', () => {
    vi.useFakeTimers();
    const push = vi.fn();
    const now = changeThrottle(push, 0);
    now.request();
    now.request();
    expect(push).toHaveBeenCalledTimes(2);
    const later = changeThrottle(push, 50);
    later.request();
    later.request();
    later.stop();
    vi.advanceTimersByTime(100);
    expect(push).toHaveBeenCalledTimes(3);
  });
});
