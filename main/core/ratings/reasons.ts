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

/** Each clerk's completion rate must reach 90% (seed 000). */
export const completionTarget = 0.9;
