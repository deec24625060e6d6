import type { BadRatingReason } from '../../main/core/ratings/reasons.ts';

/** The five national levels, best first, as the screen shows them (ratings:level.N). */
export const ratingLevelsShown = [1, 2, 3, 4, 5] as const;

/** The same list as main/core/ratings/reasons.ts (the renderer may import only its types). */
export const ratingReasons: readonly BadRatingReason[] = ['waitTooLong', 'attitude', 'slowService', 'unclearGuidance', 'fees', 'materials', 'environment', 'other'];

export const isBad = (level: number) => level >= 4;

/** 0.9 → "90.0%"; no value → "—". */
export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);
