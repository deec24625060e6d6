import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { anyStaff, managers } from '../api/roles.ts';
import { catalogueSchema } from './catalogue.ts';

const int = z.number().int();

export const catalogueVersionViewSchema = z.object({ version: int, publishedAt: z.string(), catalogue: catalogueSchema });

/** The business catalogue in versions: utilities, businesses, materials, stages, fees and bundles. */
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
});
