import type { OpenRatingDrivers } from './rating-drivers.ts';

/**
 * Rating drivers whose code is still loading: each call waits for it. The hall starts its core
 * thread first and loads the serial and HID drivers meanwhile; the core's first question to
 * them (which devices to open) comes once the database is open, by when they are there.
 * A driver that cannot load (a broken vendor profile) fails every call, and the start with it.
 */
export function lazyRatingDrivers(loading: Promise<OpenRatingDrivers>): OpenRatingDrivers {
  return (onReport) => {
    const ready = loading.then((open) => open(onReport));
    // Awaited by every call; not an unhandled rejection while none has come yet.
    ready.catch(() => undefined);
    return {
      apply: async (wanted) => (await ready).apply(wanted),
      port: {
        invite: async (counterId, request) => (await ready).port.invite(counterId, request),
        cancel: async (counterId) => (await ready).port.cancel(counterId),
      },
      close: async () => (await ready).close(),
    };
  };
}
