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

export const hallContract = defineMethods({
  'hall/status': {
    summary: 'Open counters and waiting tickets right now.',
    roles: ['clerk', 'manager', 'admin', 'kiosk', 'display', 'rate'],
    input: z.object({}),
    output: hallStatusSchema,
  },
});
