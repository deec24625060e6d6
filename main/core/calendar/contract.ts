import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { anyStaff, managers } from '../api/roles.ts';
import { daySchema } from './working-calendar.ts';

const int = z.number().int();

/** The working calendar deadlines are counted on: official years, imported, and the manager's marks. */
export const calendarContract = defineMethods({
  'calendar/get': {
    summary: "A year's holidays and make-up workdays as the hall counts them, with the manager's marks and imported years.",
    roles: anyStaff,
    input: z.object({ year: int.min(2004).max(2100).optional() }),
    output: z.object({
      year: int,
      /** False when the year's arrangement is not known: only weekends rest, deadlines are provisional. */
      published: z.boolean(),
      holidays: z.array(z.string()),
      workdays: z.array(z.string()),
      overrides: z.array(z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), setAt: z.string() })),
      importedYears: z.array(z.object({ year: int, importedAt: z.string() })),
    }),
  },
  'calendar/setDay': {
    summary: "Marks one day a holiday or a workday, or ('none') removes the mark (audited). Accepted cases keep their deadlines.",
    roles: managers,
    input: z.object({ date: daySchema, kind: z.enum(['holiday', 'workday', 'none']) }),
    output: z.object({ date: z.string(), kind: z.enum(['holiday', 'workday', 'none']) }),
  },
  'calendar/importYear': {
    summary:
      "Imports a year's official arrangement ({year, holidays, workdays} or chinese-days' per-year file); it replaces that year and recomputes the open deadlines counted into it (audited).",
    roles: managers,
    input: z.object({ file: z.string().min(2).max(200_000) }),
    output: z.object({
      year: int,
      holidays: int,
      workdays: int,
      /** The open deadlines the new arrangement moved, each audited as calendar.deadlineMoved. */
      moved: z.array(
        z.object({
          kind: z.enum(['matter', 'workOrder', 'stage', 'deferredMaterial', 'complaint', 'rectification', 'followUpProblem']),
          id: int,
          label: z.string(),
          from: z.string(),
          to: z.string(),
        }),
      ),
    }),
  },
});
