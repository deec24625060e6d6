/**
 * Which paired screens hold a live push connection to the hall right now. A screen that is bound
 * but switched off, unplugged or crashed has none: the counter must say so (离线) rather than
 * let the clerk ask a dark screen for a signature. Counted per device, since a screen may
 * reconnect before its old socket is seen to close.
 */
export type Presence = {
  /** A device's screen opened its push feed; call the returned function when it closes. */
  join: (deviceId: number) => () => void;
  connected: (deviceId: number) => boolean;
};

export function createPresence(onChange: (deviceId: number, connected: boolean) => void = () => {}): Presence {
  const open = new Map<number, number>();
  return {
    join(deviceId) {
      const before = open.get(deviceId) ?? 0;
      open.set(deviceId, before + 1);
      if (before === 0) onChange(deviceId, true);
      let left = false;
      return () => {
        if (left) return;
        left = true;
        const n = (open.get(deviceId) ?? 1) - 1;
        if (n > 0) open.set(deviceId, n);
        else {
          open.delete(deviceId);
          onChange(deviceId, false);
        }
      };
    },
    connected: (deviceId) => (open.get(deviceId) ?? 0) > 0,
  };
}
