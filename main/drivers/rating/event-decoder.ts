import type { Frame } from './frame-parser.ts';
import { type RatedKey, rateKey } from '../../../common/rating-profile/levels.ts';
import type { FramedProfile } from '../../../common/rating-profile/profile.ts';

/** What a device→host frame means. */
export type DeviceEvent = ({ kind: 'key' } & RatedKey) | { kind: 'timeout' } | { kind: 'status'; ok: boolean; code: number };

/**
 * Reads a frame through the profile's event table. Pure. undefined for a frame the
 * profile does not describe: an unknown command byte, a key event without its key byte,
 * or a key the key map leaves out (the driver logs it; it cannot become a rating).
 */
export function decodeEvent(profile: FramedProfile, frame: Frame): DeviceEvent | undefined {
  const spec = profile.events.find((event) => event.cmd === frame.command);
  if (!spec) return undefined;
  if (spec.kind === 'timeout') return { kind: 'timeout' };
  if (spec.kind === 'status') {
    // A status frame without a status byte is a bare "I am here".
    const code = frame.data[spec.statusAt] ?? spec.okValue;
    return { kind: 'status', ok: code === spec.okValue, code };
  }
  const key = spec.key ?? frame.data[spec.keyAt ?? 0];
  if (key === undefined) return undefined;
  const rated = rateKey(profile.keys, key);
  return rated && { kind: 'key', ...rated };
}
