/**
 * Pushes the queue's state at most once per `windowMs` (issue: counters never stall). Each
 * change used to compute the overview and write it to every screen: at a busy kiosk bank that
 * is the hall's main cost per ticket, for boards that cannot show twenty states a second
 * anyway. The first change after a quiet spell goes out at once (a quiet hall loses nothing);
 * changes during the window are folded into one push at its end, which carries the latest
 * state. Calls themselves (queue/called) are not throttled: the board announces each one.
 * `windowMs` 0 pushes every change as it happens (the core's tests).
 */
export function changeThrottle(push: () => void, windowMs: number): { request: () => void; stop: () => void } {
  let cooling: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let stopped = false;
  const cool = () => {
    cooling = setTimeout(() => {
      cooling = undefined;
      if (!pending || stopped) return;
      pending = false;
      push();
      cool();
    }, windowMs);
    // A window still open never keeps a stopping process alive.
    cooling.unref?.();
  };
  return {
    request() {
      if (stopped) return;
      if (windowMs <= 0) return push();
      if (cooling) {
        pending = true;
        return;
      }
      push();
      cool();
    },
    stop() {
      stopped = true;
      if (cooling) clearTimeout(cooling);
    },
  };
}
