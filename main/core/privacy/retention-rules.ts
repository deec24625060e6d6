import { z } from 'zod';
import type { Db } from '../../../db/connection.ts';
import { getSetting, setSetting } from '../../../db/settings.ts';
import { addDays, type Day, isDay } from '../../../common/calendar-day.ts';
import { hallDayStart } from '../../../common/hall-time.ts';

/**
 * How long the hall keeps each kind of personal data (PIPL art. 19: no longer than the purpose
 * needs; docs/privacy.md says why each default is what it is). Each period counts from the
 * event that ends the need: the ticket's day, the application's closing, the utility's
 * acceptance, the drop's answer.
 */
export const retentionKinds = ['ticketPhones', 'signatures', 'customers', 'outboxCopies', 'drops'] as const;
export type RetentionKind = (typeof retentionKinds)[number];

export const periodUnits = ['days', 'years'] as const;
export type Period = { amount: number; unit: (typeof periodUnits)[number] };

export const periodSchema = z
  .object({ amount: z.number().int().min(1), unit: z.enum(periodUnits) })
  .refine((p) => p.amount <= (p.unit === 'days' ? 3650 : 30), { message: 'field.retentionTooLong', path: ['amount'] });

// Every kind, in retentionKinds' order; `satisfies` fails the build when one is missing or extra.
export const retentionRulesSchema = z.object({
  ticketPhones: periodSchema,
  signatures: periodSchema,
  customers: periodSchema,
  outboxCopies: periodSchema,
  drops: periodSchema,
} satisfies Record<RetentionKind, typeof periodSchema>);
export type RetentionRules = Record<RetentionKind, Period>;

export const defaultRetentionRules = {
  ticketPhones: { amount: 30, unit: 'days' },
  signatures: { amount: 3, unit: 'years' },
  customers: { amount: 3, unit: 'years' },
  outboxCopies: { amount: 180, unit: 'days' },
  drops: { amount: 30, unit: 'days' },
} as const satisfies RetentionRules;

const RULES_KEY = 'privacy.retention';

/** The hall's rules; a kind never set (or a stored value this version cannot read) has its default. */
export function readRetentionRules(db: Db): RetentionRules {
  const stored = getSetting(db, RULES_KEY);
  const parsed = stored === undefined ? undefined : retentionRulesSchema.partial().safeParse(JSON.parse(stored));
  return { ...defaultRetentionRules, ...(parsed?.success ? parsed.data : {}) };
}

export function writeRetentionRules(db: Db, rules: RetentionRules): void {
  setSetting(db, RULES_KEY, JSON.stringify(rules));
}

/** `day` moved by a period, back (-1) or forward (1); a 29 February a whole number of years away falls on the 28th. */
export function shiftDay(day: Day, period: Period, direction: -1 | 1): Day {
  if (period.unit === 'days') return addDays(day, direction * period.amount);
  const moved = `${Number(day.slice(0, 4)) + direction * period.amount}${day.slice(4)}`;
  return isDay(moved) ? moved : `${moved.slice(0, 8)}28`;
}

/** The last hall day whose records are due today: `today` less the period. */
export const lastDueDay = (today: Day, period: Period): Day => shiftDay(today, period, -1);

/**
 * Everything that happened before this instant is due: the start (hall-local midnight) of the
 * day after the last due day. So a ticket of 1 March with a 30-day rule is erased on 31 March.
 */
export function dueBefore(today: Day, period: Period, timeZone: string): string {
  return hallDayStart(new Date(`${addDays(lastDueDay(today, period), 1)}T12:00:00Z`), timeZone).toISOString();
}
