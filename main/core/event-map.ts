import type { HallStatus } from './hall/contract.ts';
import type { WorkOrderChange } from './intake/work-order-status.ts';
import type { CallView } from './queue/contract.ts';

/** Every pushed event and its payload, one line per event; domains add theirs here. */
export type EventMap = {
  'hall/status': HallStatus;
  'staff/changed': { staffId: number };
  /** Something in the queue moved: screens reload their overview. */
  'queue/changed': { reason: string };
  /** A ticket was called or recalled: the board shows it and announces it. */
  'queue/called': CallView & { recall: boolean };
  /** A fee list awaits the customer's signature: the rate screens among deviceIds (the counter's) fetch it with intake/pendingSignature. */
  'intake/signatureRequested': { requestId: number; counterId: number; deviceIds: number[] };
  /** The customer signed: the clerk's form may submit. */
  'intake/signed': { requestId: number; counterId: number };
  /** An application was accepted at a counter. */
  'intake/submitted': { applicationId: number; counterId: number; caseNumbers: string[] };
  /** A work order changed state (a manager's correction now, the nightly sync later). */
  'intake/workOrderChanged': WorkOrderChange;
};
