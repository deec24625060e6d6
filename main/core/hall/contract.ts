import { z } from 'zod';
import { defineMethods } from '../api/method.ts';

export const hallStatusSchema = z.object({
  hallName: z.string().nullable(),
  countersOpen: z.number().int(),
  countersPaused: z.number().int(),
  countersTotal: z.number().int(),
  ticketsWaiting: z.number().int(),
  ticketsServing: z.number().int(),
  at: z.string(),
});

export type HallStatus = z.output<typeof hallStatusSchema>;

/** The hall's time as every screen takes it: screens never derive "today" from their PC's calendar. */
export const hallTimeSchema = z.object({
  /** The hall clock's instant (ISO, UTC). */
  at: z.string(),
  /** The hall's IANA time zone; dates and times are shown in it whatever the PC's zone. */
  timeZone: z.string(),
  /** The hall's calendar day at `at`, YYYY-MM-DD. */
  day: z.string(),
  /** Years around this one without a holiday arrangement: a deadline falling in one is provisional. */
  unpublishedYears: z.array(z.number().int()),
});

export type HallTime = z.output<typeof hallTimeSchema>;

export const hallContract = defineMethods({
  'hall/status': {
    summary: 'Open counters and waiting tickets right now.',
    roles: ['clerk', 'manager', 'admin', 'kiosk', 'display', 'rate'],
    input: z.object({}),
    output: hallStatusSchema,
  },
  'hall/time': {
    summary: "The hall clock's time, time zone and day: every screen's today.",
    roles: ['public'],
    input: z.object({}),
    output: hallTimeSchema,
  },
});
