/**
 * The five rating levels of the national 好差评 rules (国办发〔2019〕51号), 1 the best, and what
 * they mean to the hall. Every rating device, whatever its keys, ends on one of these; the
 * rating screens show them and the reports count them, all from this one list.
 */
export const ratingLevels = [1, 2, 3, 4, 5] as const;

export type RatingLevel = (typeof ratingLevels)[number];

/**
 * What a customer may pick after a bad rating (不满意, 非常不满意), the usual grounds in the
 * 好差评 rules' complaint categories. Codes only: the screens translate them (ratings:reason.*).
 */
export const badRatingReasons = ['waitTooLong', 'attitude', 'slowService', 'unclearGuidance', 'fees', 'materials', 'environment', 'other'] as const;

export type BadRatingReason = (typeof badRatingReasons)[number];

/** 不满意 and 非常不满意 are the bad ratings (差评), followed up and rectified. */
export const isBadLevel = (level: number): boolean => level >= 4;

/** 非常满意, 满意 and 基本满意 count as good (好评). */
export const isGoodLevel = (level: number): boolean => level >= 1 && level <= 3;

/** What the customer said of the fix when called back after a bad rating; unreachable closes the task too. */
export const rectificationVerdicts = ['satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable'] as const;

/** Each clerk's completion rate must reach 90% (seed 000). */
export const completionTarget = 0.9;

/** What the ratings figures can be counted per, in the order the manager's picker offers them. */
export const figureGroupings = ['staff', 'counter', 'utility', 'day', 'month'] as const;
export type FigureGrouping = (typeof figureGroupings)[number];
