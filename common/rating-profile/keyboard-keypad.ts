import { type RatedKey, rateKey } from './levels.ts';
import type { KeyboardProfile, ScreenProfile } from './profile.ts';

/** The fields of a DOM KeyboardEvent the keypad needs; the renderer passes the event itself. */
export type KeyPress = {
  code: string;
  key: string;
  repeat?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
};

/**
 * A keyboard-mode keypad types into the counter's window like a second keyboard, and a
 * browser cannot tell the two apart. So only bound keys count, a held key's repeats do
 * not, and nothing pressed with Ctrl, Alt or Meta does (those are the clerk's shortcuts).
 * The renderer also listens only while a rating is invited. Pure.
 */
export function keypadPress(profile: KeyboardProfile, press: KeyPress): (RatedKey & { keyName: string }) | undefined {
  if (press.repeat || press.ctrlKey || press.altKey || press.metaKey) return undefined;
  const binding = profile.keyboard.bindings.find((b) => (b.code !== undefined ? b.code === press.code : b.eventKey === press.key));
  if (!binding) return undefined;
  const rated = rateKey(profile.keys, binding.key);
  return rated && { ...rated, keyName: binding.code ?? binding.eventKey ?? press.key };
}

/** The customer-facing screen's buttons, one per key in the profile, best first. */
export function screenButtons(profile: ScreenProfile): RatedKey[] {
  return Object.keys(profile.keys)
    .map(Number)
    .sort((a, b) => a - b)
    .flatMap((key) => rateKey(profile.keys, key) ?? []);
}
