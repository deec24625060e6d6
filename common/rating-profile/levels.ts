import type { RatingLevel } from '../rating-levels.ts';

/** The levels' names on the wire and in logs; a device's raw key is kept beside its level. */

export const ratingNames = {
  1: 'very_satisfied',
  2: 'satisfied',
  3: 'basically_satisfied',
  4: 'dissatisfied',
  5: 'very_dissatisfied',
} as const satisfies Record<RatingLevel, string>;

export type RatingName = (typeof ratingNames)[RatingLevel];

/** A key the customer pressed, as the device reported it, and what it means. */
export type RatedKey = {
  /** The device's own key number (a 3-key device has keys 1..3). */
  key: number;
  level: RatingLevel;
  rating: RatingName;
};

/** Looks a raw key up in a profile's key → level map; undefined for a key the map leaves out. */
export function rateKey(keys: Readonly<Record<string, RatingLevel>>, key: number): RatedKey | undefined {
  const level = keys[String(key)];
  return level === undefined ? undefined : { key, level, rating: ratingNames[level] };
}
