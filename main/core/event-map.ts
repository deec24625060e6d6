import type { HallStatus } from './hall/contract.ts';

/** Every pushed event and its payload, one line per event; domains add theirs here. */
export type EventMap = {
  'hall/status': HallStatus;
  'staff/changed': { staffId: number };
};
