import type { FigureRow } from '../../../db/ratings.ts';
import { completionTarget, type FigureGrouping, isBadLevel, isGoodLevel } from '../../../common/rating-levels.ts';

/** 非常满意: level 1 of the national five. */
const TOP_LEVEL = 1;

type GroupBy = FigureGrouping;

export type FigureCounts = {
  key: string;
  served: number;
  rated: number;
  unrated: number;
  pending: number;
  ratings: number;
  good: number;
  bad: number;
  /** Ratings taken from a keyboard-mode keypad: the channel a clerk's own keyboard could fake. */
  keyboard: number;
  /** Ratings given within a second of the invitation: faster than a customer reads the screen. */
  quick: number;
  /** Patterns worth a manager's look (never proof): quick ratings, or a keyboard channel with only top ratings. */
  flags: RatingFlag[];
  completionRate: number | null;
  goodRate: number | null;
  unratedRate: number | null;
  meetsTarget: boolean | null;
};

/** The key a row is counted under; a service of several utilities counts once under each. '' is "none" (no application, no clerk). */
function keysOf(row: FigureRow, groupBy: GroupBy): string[] {
  switch (groupBy) {
    case 'staff':
      return [row.staffId === null ? '' : String(row.staffId)];
    case 'counter':
      return [row.counterId === null ? '' : String(row.counterId)];
    case 'utility':
      return row.utilities.length === 0 ? [''] : [...new Set(row.utilities)];
    case 'day':
      return [row.day];
    case 'month':
      return [row.day.slice(0, 7)];
  }
}

export type RatingFlag = 'quickRatings' | 'keyboardAllTop';

/** A rating this soon after its invitation was not given by someone reading the screen. */
const QUICK_MS = 1000;
/** Keyboard ratings, all 非常满意, from this many on: a pattern to look at. */
const ALL_TOP_MIN = 5;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

type Counts = Omit<FigureCounts, 'key' | 'flags' | 'completionRate' | 'goodRate' | 'unratedRate' | 'meetsTarget'> & { keyboardTop: number };

function finish(key: string, { keyboardTop, ...c }: Counts): FigureCounts {
  const completionRate = ratio(c.rated, c.served);
  const flags: RatingFlag[] = [];
  if (c.quick > 0) flags.push('quickRatings');
  if (c.keyboard >= ALL_TOP_MIN && keyboardTop === c.keyboard) flags.push('keyboardAllTop');
  return {
    key,
    ...c,
    flags,
    completionRate,
    goodRate: ratio(c.good, c.ratings),
    unratedRate: ratio(c.unrated, c.served),
    meetsTarget: completionRate === null ? null : completionRate >= completionTarget,
  };
}

/**
 * The 好差评 figures of a set of invitations. Completion (评价完成率) and the unrated rate
 * are of the services at the window (stage 受理: each finished service opened one
 * invitation); 好评率 and bad ratings count every rating, 办结 ratings from the receipt's QR
 * code included. Pure; the rows carry no customer data, so neither can the figures.
 */
export function computeFigures(rows: readonly FigureRow[], groupBy: GroupBy): { rows: FigureCounts[]; total: FigureCounts } {
  const zero = (): Counts => ({ served: 0, rated: 0, unrated: 0, pending: 0, ratings: 0, good: 0, bad: 0, keyboard: 0, quick: 0, keyboardTop: 0 });
  const groups = new Map<string, ReturnType<typeof zero>>();
  const total = zero();
  const add = (c: ReturnType<typeof zero>, row: FigureRow) => {
    if (row.stage === 'intake') {
      c.served += 1;
      if (row.status === 'rated') c.rated += 1;
      else if (row.status === 'unrated') c.unrated += 1;
      else c.pending += 1;
    }
    if (row.status === 'rated' && row.level !== null) {
      c.ratings += 1;
      if (isGoodLevel(row.level)) c.good += 1;
      if (isBadLevel(row.level)) c.bad += 1;
      if (row.channel === 'keypad') {
        c.keyboard += 1;
        if (row.level === TOP_LEVEL) c.keyboardTop += 1;
      }
      if (row.ratedAt !== null && row.stage === 'intake' && Date.parse(row.ratedAt) - Date.parse(row.invitedAt) < QUICK_MS) c.quick += 1;
    }
  };
  for (const row of rows) {
    add(total, row);
    for (const key of keysOf(row, groupBy)) {
      let c = groups.get(key);
      if (!c) groups.set(key, (c = zero()));
      add(c, row);
    }
  }
  const sorted = [...groups.entries()].sort(([a], [b]) =>
    a === '' ? 1 : b === '' ? -1 : groupBy === 'staff' || groupBy === 'counter' ? Number(a) - Number(b) : a.localeCompare(b),
  );
  return { rows: sorted.map(([key, c]) => finish(key, c)), total: finish('total', total) };
}
