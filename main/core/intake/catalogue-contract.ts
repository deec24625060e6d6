import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { anyStaff, managers } from '../api/roles.ts';
import { catalogueSchema } from './catalogue.ts';
import { daySchema } from './working-calendar.ts';

const int = z.number().int();

export const catalogueVersionViewSchema = z.object({ version: int, publishedAt: z.string(), catalogue: catalogueSchema });

/** The business catalogue in versions, and the working calendar deadlines are counted on. */
export const catalogueContract = defineMethods({
  'catalogue/current': {
    summary: 'The catalogue version in force: utilities, businesses, materials, stages, fees and bundles.',
    roles: anyStaff,
    input: z.object({}),
    output: catalogueVersionViewSchema,
  },
  'catalogue/versions': {
    summary: 'Every published catalogue version, newest first, with who published it and how.',
    roles: managers,
    input: z.object({}),
    output: z.array(z.object({ version: int, publishedAt: z.string(), publishedBy: z.string().nullable(), source: z.enum(['seed', 'edit', 'import']) })),
  },
  'catalogue/publish': {
    summary: 'Publishes the next catalogue version from an edited catalogue or an imported JSON file (audited).',
    roles: managers,
    input: z
      .object({
        catalogue: catalogueSchema.optional(),
        /** The text of an exported catalogue file (format onewindow.catalogue). */
        file: z.string().min(2).max(900_000).optional(),
      })
      .refine((v) => (v.catalogue === undefined) !== (v.file === undefined), { message: 'field.catalogueOrFile', path: ['catalogue'] }),
    output: z.object({ version: int, publishedAt: z.string() }),
  },
  'catalogue/export': {
    summary: 'A catalogue version (default: the current one) as a JSON file to edit or copy to another hall.',
    roles: managers,
    input: z.object({ version: int.positive().optional() }),
    output: z.object({ fileName: z.string(), text: z.string() }),
  },
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
    summary: "Imports a year's official arrangement ({year, holidays, workdays} or chinese-days' per-year file); it replaces that year and recomputes the open deadlines counted into it (audited).",
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
