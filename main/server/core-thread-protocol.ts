import type { Origin } from '../core/api/caller.ts';
import type { AuditedChange } from '../core/audit/record.ts';
import type { HallEvent } from '../core/events.ts';
import type { HallCertificate } from '../core/hall/contract.ts';
import type { HallCoreOptions } from './hall-core.ts';
import type { RatingDeviceReport } from './rating-drivers.ts';
import type { DriverAnswer, DriverAsk } from './remote-rating-drivers.ts';

/** What the core thread starts with (its workerData). */
export type CoreThreadStart = {
  options: HallCoreOptions;
  /** The hall clock's reading when the thread was asked for (a set clock, --clock-start); undefined: the machine's clock. */
  clockMs: number | undefined;
  logLevel: string;
};

/** A question the hall's event loop asks the core thread; each is answered once, by id. */
export type CoreQuestion =
  | { kind: 'call'; name: string; input: unknown; token: string | undefined; origin: Origin | undefined }
  | { kind: 'resolve'; token: string | undefined }
  | { kind: 'hallTime' }
  | { kind: 'audit'; staffId: number; change: AuditedChange };

export type ToCoreThread =
  | ({ id: number } & CoreQuestion)
  | { kind: 'join'; joinId: number; deviceId: number }
  | { kind: 'leave'; joinId: number }
  | { kind: 'publicUrl'; url: string }
  | { kind: 'certificate'; certificate: HallCertificate }
  | { kind: 'driverReport'; report: RatingDeviceReport }
  | ({ kind: 'driverAnswer' } & DriverAnswer)
  | { kind: 'close' };

/** Why the core could not start, rebuilt on the other side (a database too new is told apart). */
export type StartFailure = { name: string; message: string; databaseVersion?: number; appVersion?: number };

export type FromCoreThread =
  | { kind: 'ready'; setupCode: string | undefined; hallName: string | undefined }
  | { kind: 'failed'; failure: StartFailure }
  | { kind: 'answer'; id: number; ok: true; value: unknown }
  | { kind: 'answer'; id: number; ok: false; message: string }
  | { kind: 'event'; event: HallEvent }
  | { kind: 'driverAsk'; id: number; ask: DriverAsk }
  | { kind: 'closing'; step: string }
  | { kind: 'closed' };
