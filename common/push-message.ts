/**
 * What the hall pushes to a screen, over the WebSocket (/api/events) or the desktop bridge.
 * The event and the clock are the core's types (main/core/events.ts, main/core/hall/contract.ts),
 * given as parameters: common/ imports nothing of ours. main/server/push.ts names the hall's.
 */
export type PushEnvelope<Event, Time> =
  /** `time` is the hall clock's, so a screen that reconnects (or whose PC clock drifted) is set right. */
  | { kind: 'hello'; seq: number; time: Time }
  | { kind: 'event'; event: Event }
  /** Events were missed and are no longer held: the screen reloads its state. */
  | { kind: 'resync'; seq: number };
