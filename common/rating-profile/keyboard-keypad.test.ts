import { describe, expect, it } from 'vitest';
import { keypadPress, screenButtons } from './keyboard-keypad.ts';
import { type KeyboardProfile, parseRatingProfile, type ScreenProfile } from './profile.ts';
import { builtinProfiles } from './builtin-profiles.ts';

const keypad = builtinProfiles.find((p): p is KeyboardProfile => p.transport === 'keyboard');
const screen = builtinProfiles.find((p): p is ScreenProfile => p.transport === 'screen');
if (!keypad || !screen) throw new Error('built-in keyboard keypad or screen missing');

const press = (code: string, extra: Partial<{ key: string; repeat: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  code,
  key: extra.key ?? code,
  ...extra,
});

describe('keypadPress', () => {
  it('maps the built-in keypad F13..F17 to 非常满意 .. 非常不满意, and leaves the browser and counter keys alone', () => {
    expect(['F13', 'F14', 'F15', 'F16', 'F17'].map((code) => keypadPress(keypad, press(code))?.level)).toEqual([1, 2, 3, 4, 5]);
    expect(keypadPress(keypad, press('F16'))).toEqual({ key: 4, level: 4, rating: 'dissatisfied', keyName: 'F16' });
    for (const code of ['F1', 'F4', 'F5', 'F8', 'F11', 'F12']) expect(keypadPress(keypad, press(code))).toBeUndefined();
  });

  it('ignores unbound keys, held-down repeats and the clerk’s shortcuts', () => {
    expect(keypadPress(keypad, press('KeyA', { key: 'a' }))).toBeUndefined();
    expect(keypadPress(keypad, press('F14', { repeat: true }))).toBeUndefined();
    expect(keypadPress(keypad, press('F14', { ctrlKey: true }))).toBeUndefined();
    expect(keypadPress(keypad, press('F14', { altKey: true }))).toBeUndefined();
  });

  it('takes a 4-key keypad on F9..F12, or one that types characters, from its profile', () => {
    const fourKeys = parseRatingProfile({
      name: 'four-keys',
      transport: 'keyboard',
      keyboard: {
        bindings: [
          { code: 'F9', key: 1 },
          { code: 'F10', key: 2 },
          { code: 'F11', key: 3 },
          { code: 'F12', key: 4 },
        ],
      },
      keys: { '1': 1, '2': 2, '3': 3, '4': 5 },
    });
    if (fourKeys.transport !== 'keyboard') throw new Error('expected a keyboard profile');
    expect(keypadPress(fourKeys, press('F12'))).toEqual({ key: 4, level: 5, rating: 'very_dissatisfied', keyName: 'F12' });
    const typing = parseRatingProfile({
      name: 'typing',
      transport: 'keyboard',
      keyboard: {
        bindings: [
          { eventKey: '+', key: 1 },
          { eventKey: '-', key: 2 },
        ],
      },
      keys: { '1': 1, '2': 4 },
    });
    if (typing.transport !== 'keyboard') throw new Error('expected a keyboard profile');
    expect(keypadPress(typing, { code: 'NumpadSubtract', key: '-' })?.level).toBe(4);
  });
});

describe('screenButtons', () => {
  it('gives the screen five buttons, best first', () => {
    expect(screenButtons(screen).map((button) => button.rating)).toEqual([
      'very_satisfied',
      'satisfied',
      'basically_satisfied',
      'dissatisfied',
      'very_dissatisfied',
    ]);
  });
});
