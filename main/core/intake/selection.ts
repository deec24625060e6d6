import { z } from 'zod';
import { fail } from '../api/errors.ts';
import { type CatalogueVersion, codeSchema } from '../catalogue/catalogue.ts';
import { type ApplicationSnapshot, businessesOfBundle, snapshotFor } from '../catalogue/catalogue-snapshot.ts';

/**
 * What the clerk picked on the form: a bundle (一件事, e.g. the four transfers of a property
 * sale), single businesses across utilities, or a bundle plus extra businesses.
 */
export const selectionSchema = z
  .object({
    bundle: codeSchema.optional(),
    businesses: z.array(codeSchema).max(20).default([]),
  })
  .refine((s) => s.bundle !== undefined || s.businesses.length > 0, { message: 'field.chooseBusiness', path: ['businesses'] });
export type Selection = z.output<typeof selectionSchema>;

/** The chosen businesses resolved against a catalogue version, bundle first, each once. */
export function resolveSelection(version: CatalogueVersion, selection: Selection): ApplicationSnapshot {
  const codes = [...(selection.bundle ? businessesOfBundle(version, selection.bundle) : []), ...selection.businesses];
  if (codes.length === 0) fail('validation', 'errors.validation', { fields: [{ path: 'selection.businesses', key: 'field.chooseBusiness' }] });
  return snapshotFor(codes, version);
}
