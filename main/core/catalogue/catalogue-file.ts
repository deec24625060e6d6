import { z } from 'zod';
import type { Result } from '../api/errors.ts';
import { type Catalogue, type CatalogueInput, type CatalogueVersion, catalogueSchema, catalogueVersionSchema } from './catalogue.ts';
import { parseJsonImport } from '../api/json-import.ts';

/**
 * The catalogue as a JSON file: what a manager exports to edit or to copy to another hall,
 * and what the seeded default ships as. The header says what the file is, so a calendar or a
 * backup dropped on the catalogue import is refused by name rather than by a hundred field errors.
 */
export const catalogueFileFormat = 'onewindow.catalogue';

export const catalogueFileSchema = z.object({
  format: z.literal(catalogueFileFormat),
  formatVersion: z.literal(1),
  ...catalogueVersionSchema.shape,
});

export function exportCatalogue(version: CatalogueVersion): string {
  const file = { format: catalogueFileFormat, formatVersion: 1, ...version } satisfies z.input<typeof catalogueFileSchema>;
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads an exported file. The version and date in it describe where it came from; publishing
 * it in this hall (publishCatalogue) gives it this hall's next version number.
 */
export function importCatalogue(text: string): Result<CatalogueVersion> {
  const parsed = parseJsonImport(text, catalogueFileSchema, 'errors.intake.catalogueInvalid');
  if (!parsed.ok) return parsed;
  const { version, publishedAt, catalogue } = parsed.value;
  return { ok: true, value: { version, publishedAt, catalogue } };
}

/** The next version after `current` (the first when there is none), validated as a whole. */
export function publishCatalogue(current: CatalogueVersion | null, catalogue: Catalogue | CatalogueInput, publishedAt: Date): CatalogueVersion {
  return {
    version: (current?.version ?? 0) + 1,
    publishedAt: publishedAt.toISOString(),
    // A deep copy: the published version must not change when the editor's object does.
    catalogue: catalogueSchema.parse(structuredClone(catalogue)),
  };
}
