import { fail } from '../api/errors.ts';
import type { Business, CatalogueVersion, Material, MaterialRequirement, Names } from './catalogue.ts';

/**
 * What an application keeps of the catalogue: the businesses it was made for, with their
 * materials, stages and prices copied in full from the version in force when it was accepted.
 * Later versions may change a price or a time limit; a case already accepted keeps its own,
 * and its fee list still adds up to what the customer signed.
 */

export type RequiredMaterial = Material & MaterialRequirement;

export type ResolvedBusiness = Omit<Business, 'materials'> & {
  utilityNames: Names;
  materials: RequiredMaterial[];
};

export type ApplicationSnapshot = {
  catalogueVersion: number;
  publishedAt: string;
  businesses: ResolvedBusiness[];
};

export function businessesOfBundle(version: CatalogueVersion, bundleCode: string): string[] {
  const bundle = version.catalogue.bundles.find((b) => b.code === bundleCode);
  if (!bundle) return fail('not_found', 'errors.intake.bundleNotFound', { bundle: bundleCode });
  return [...bundle.businessCodes];
}

export function snapshotFor(businessCodes: readonly string[], version: CatalogueVersion): ApplicationSnapshot {
  const { catalogue } = version;
  const codes = [...new Set(businessCodes)];
  const unknown = codes.filter((code) => !catalogue.businesses.some((b) => b.code === code));
  if (unknown.length > 0) fail('not_found', 'errors.intake.businessNotFound', { businesses: unknown });
  const inactive = codes.filter((code) => catalogue.businesses.some((b) => b.code === code && !b.active));
  if (inactive.length > 0) fail('conflict', 'errors.intake.businessInactive', { businesses: inactive });

  const materials = new Map(catalogue.materials.map((m) => [m.code, m]));
  const utilities = new Map(catalogue.utilities.map((u) => [u.code, u]));
  const businesses = codes.map((code): ResolvedBusiness => {
    const business = catalogue.businesses.find((b) => b.code === code);
    const utility = business && utilities.get(business.utility);
    // The schema guarantees both references; a version that broke them was never published.
    if (!business || !utility) throw new Error(`catalogue version ${version.version} is inconsistent at ${code}`);
    return {
      ...business,
      utilityNames: utility.names,
      materials: business.materials.map((req) => {
        const material = materials.get(req.code);
        if (!material) throw new Error(`catalogue version ${version.version} lacks material ${req.code}`);
        return { ...material, ...req };
      }),
    };
  });
  // A deep copy, so nothing an editor later does to the catalogue object reaches the case.
  return structuredClone({ catalogueVersion: version.version, publishedAt: version.publishedAt, businesses });
}
