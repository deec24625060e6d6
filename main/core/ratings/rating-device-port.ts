/**
 * A counter's rating keypad (评价器) as the core drives it. The hall server fills the port with
 * the drivers it opened (main/server/rating-devices.ts); the flow from invitation to stored
 * rating is the core's (keypad-flow.ts). A counter without a keypad the hall drives (none set,
 * a keyboard keypad or the rating screen) answers 'none' at once.
 */
export type KeypadRequest = {
  /** The clerk the customer is rating, shown on the keypad's display. */
  workNo: string;
  name: string;
  /** The counter's number as the keypad shows it. */
  window: string;
  timeoutSeconds: number;
};

export type KeypadOutcome =
  /** A key the profile maps to a level; `device` names the keypad for the rating's record. */
  | { kind: 'rated'; level: number; key: string; channel: 'serial' | 'hid'; device: string }
  /** The customer pressed nothing in time. */
  | { kind: 'timeout' }
  /** Cancelled, invited again, disconnected, or no keypad the hall drives at that counter. */
  | { kind: 'none' };

export type RatingDevicePort = {
  /** Greets, shows the clerk and invites a rating on the counter's keypad; resolves with what came of it. */
  invite: (counterId: number, request: KeypadRequest) => Promise<KeypadOutcome>;
  /** The counter's keypad stops waiting: the invitation was answered elsewhere or ran out. */
  cancel: (counterId: number) => Promise<void>;
};
