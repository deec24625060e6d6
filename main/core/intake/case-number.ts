import type { Day } from '../../../common/calendar-day.ts';

/**
 * Case numbers (办件编号), one per utility matter: a letter for the utility, the hall-local
 * acceptance day, and a sequence per letter and day — S20261122-0001 is the day's first water
 * matter. Letters are the pinyin initials halls already use on their forms (水 S, 电 D, 气 Q,
 * 讯 X, 暖 N, 视 G for 广电); a utility a hall adds beyond these takes the first letter of its
 * code. The sequence is kept per letter rather than per utility, so two utilities that end up
 * with the same letter still never share a number.
 */
const letters: Readonly<Record<string, string>> = {
  water: 'S',
  electricity: 'D',
  gas: 'Q',
  telecom: 'X',
  heating: 'N',
  cableTv: 'G',
};

export const caseLetter = (utility: string): string => letters[utility] ?? utility.charAt(0).toUpperCase();

/** Four digits as the receipt prints them, more only on an extraordinary day. */
export const formatCaseNumber = (letter: string, day: Day, seq: number): string => `${letter}${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
