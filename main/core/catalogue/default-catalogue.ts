import defaultFile from './default-catalogue.json' with { type: 'json' };
import type { CatalogueVersion } from './catalogue.ts';
import { catalogueFileSchema } from './catalogue-file.ts';

/**
 * The catalogue a new hall starts with: four utilities, the twelve business kinds for each,
 * and the two joint bundles (联动过户, 新房联合报装). Prices are defaults the hall manager
 * replaces with the locally approved ones; docs/catalogue.md gives the sources. It is an
 * ordinary export file, so what ships is also proof that the import format takes it.
 */
export function loadDefaultCatalogue(): CatalogueVersion {
  // Parsed on every call: each hall gets its own copy, and a broken seed fails loudly at start-up.
  const { version, publishedAt, catalogue } = catalogueFileSchema.parse(defaultFile);
  return { version, publishedAt, catalogue };
}
