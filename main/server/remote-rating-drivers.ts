import type { KeypadOutcome, KeypadRequest } from '../core/ratings/rating-device-port.ts';
import type { RatingDeviceReport, RatingDrivers, WantedRatingDevice } from './rating-drivers.ts';

/** What the core thread asks of the drivers on the hall's main thread. */
export type DriverAsk =
  | { kind: 'apply'; wanted: readonly WantedRatingDevice[] }
  | { kind: 'invite'; counterId: number; request: KeypadRequest }
  | { kind: 'cancel'; counterId: number }
  | { kind: 'close' };

export type DriverAnswer = { id: number; ok: true; value: KeypadOutcome | undefined } | { id: number; ok: false; message: string };

/**
 * The core thread's stand-in for the rating drivers, which stay on the main thread (the serial
 * and HID bindings cannot poll from a worker): each call goes over as a DriverAsk and waits for
 * its DriverAnswer; the drivers' health reports come back through `report`.
 */
export function remoteRatingDrivers(ask: (id: number, question: DriverAsk) => void) {
  const waiting = new Map<number, { resolve: (value: KeypadOutcome | undefined) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let onReport: (report: RatingDeviceReport) => void = () => {};
  const call = (question: DriverAsk) =>
    new Promise<KeypadOutcome | undefined>((resolve, reject) => {
      nextId += 1;
      waiting.set(nextId, { resolve, reject });
      ask(nextId, question);
    });
  const drivers: RatingDrivers = {
    apply: async (wanted) => {
      await call({ kind: 'apply', wanted });
    },
    port: {
      invite: async (counterId, request) => (await call({ kind: 'invite', counterId, request })) ?? { kind: 'none' },
      cancel: async (counterId) => {
        await call({ kind: 'cancel', counterId });
      },
    },
    close: async () => {
      await call({ kind: 'close' });
    },
  };
  return {
    open(report: (report: RatingDeviceReport) => void): RatingDrivers {
      onReport = report;
      return drivers;
    },
    answer(answer: DriverAnswer) {
      const pending = waiting.get(answer.id);
      waiting.delete(answer.id);
      if (answer.ok) pending?.resolve(answer.value);
      else pending?.reject(new Error(answer.message));
    },
    report: (report: RatingDeviceReport) => onReport(report),
  };
}

/** The main thread's side: does what the core thread asked of the real drivers. */
export async function serveDriverAsk(drivers: RatingDrivers, question: DriverAsk): Promise<KeypadOutcome | undefined> {
  switch (question.kind) {
    case 'apply':
      return drivers.apply(question.wanted).then(() => undefined);
    case 'invite':
      return drivers.port.invite(question.counterId, question.request);
    case 'cancel':
      return drivers.port.cancel(question.counterId).then(() => undefined);
    case 'close':
      return drivers.close().then(() => undefined);
  }
}
