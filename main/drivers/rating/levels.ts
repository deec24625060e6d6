/**
 * The five rating levels of the national 好差评 rules (国办发〔2019〕51号), 1 the best.
 * Every device, whatever its keys, ends on one of these; the raw key is kept beside it.
 */
export const ratingLevels = [1, 2, 3, 4, 5] as const;

export type RatingLevel = (typeof ratingLevels)[number];

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
