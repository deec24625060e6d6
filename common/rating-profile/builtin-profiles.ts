import { parseRatingProfile, type RatingProfile } from './profile.ts';
import customerScreen from './profiles/customer-screen.json' with { type: 'json' };
import keyboardKeypad from './profiles/keyboard-keypad.json' with { type: 'json' };
import referenceSerial from './profiles/reference-serial.json' with { type: 'json' };

/**
 * The profiles that ship with the app. Imported rather than read from disk so they travel
 * inside the build and so the core has them without the drivers' file reading; a vendor's
 * device needs no line here: its file goes in a profile folder (main/drivers/rating/profile-library.ts)
 * and is found by its name.
 */
export const builtinProfiles: readonly RatingProfile[] = [
  parseRatingProfile(referenceSerial, 'profiles/reference-serial.json'),
  parseRatingProfile(keyboardKeypad, 'profiles/keyboard-keypad.json'),
  parseRatingProfile(customerScreen, 'profiles/customer-screen.json'),
];
