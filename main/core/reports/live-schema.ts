import { z } from 'zod';

const int = z.number().int();
const names = z.object({ zh: z.string(), en: z.string() });

export const alertKindSchema = z.enum([
  'longWait',
  'workOrderOverdue',
  'deferredOverdue',
  'badRatingWithoutTask',
  'deviceOffline',
  'syncFailed',
  'calendarMissing',
  'revealCapReached',
]);

export const liveHallSchema = z.object({
  at: z.string(),
  day: z.string(),
  thresholdMinutes: int,
  categories: z.array(z.object({ categoryId: int, prefix: z.string(), names, waiting: int, longestWaitMinutes: int, overThreshold: int })),
  waitingTotal: int,
  longestWaitMinutes: int,
  counters: z.object({
    open: int,
    paused: int,
    closed: int,
    serving: int,
    list: z.array(
      z.object({
        id: int,
        number: int,
        name: z.string(),
        status: z.enum(['closed', 'open', 'paused']),
        staffName: z.string().nullable(),
        serving: z.string().nullable(),
      }),
    ),
  }),
  callsPerHour: z.array(z.object({ hour: int, calls: int })),
  ratingsToday: z.object({ byLevel: z.array(z.object({ level: int, count: int })), served: int, rated: int, completionRate: z.number().nullable() }),
  /** Each kind once, with how many and up to a few identifiers (category prefix, case number, counter, utility code; no personal data). */
  alerts: z.array(z.object({ kind: alertKindSchema, count: int, items: z.array(z.string()) })),
});
export type LiveHall = z.output<typeof liveHallSchema>;
