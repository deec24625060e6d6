import type { HallStatus } from './hall/contract.ts';
import type { CallView } from './queue/contract.ts';

/** Every pushed event and its payload, one line per event; domains add theirs here. */
export type EventMap = {
  'hall/status': HallStatus;
  'staff/changed': { staffId: number };
  /** Something in the queue moved: screens reload their overview. */
  'queue/changed': { reason: string };
  /** A ticket was called or recalled: the board shows it and announces it. */
  'queue/called': CallView & { recall: boolean };
};
