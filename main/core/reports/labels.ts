import type { ReadDb } from '../../../db/connection.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { catalogueVersion, currentCatalogueToRead } from '../catalogue/catalogue-store.ts';

export type Names = { zh: string; en: string };

/**
 * Names of utilities and businesses for a report, from the catalogue in force; a business
 * no longer in it is named from the version its applications were accepted under.
 */
export type Labels = {
  utility: (code: string) => Names;
  /** Catalogue order (water, electricity, gas, telecom…), unknown codes last. */
  utilityOrder: (a: string, b: string) => number;
  business: (version: number, code: string) => { names: Names; kind: string | null };
};

export function catalogueLabels(db: ReadDb): Labels {
  const current = currentCatalogueToRead(db);
  const versions = new Map<number, Catalogue>();
  const order = new Map(current.utilities.map((u, i) => [u.code, i]));
  const utilities = new Map(current.utilities.map((u) => [u.code, u.names]));
  return {
    utility: (code) => utilities.get(code) ?? { zh: code, en: code },
    utilityOrder: (a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99) || a.localeCompare(b),
    business(version, code) {
      let catalogue = versions.get(version);
      if (!catalogue) {
        try {
          catalogue = catalogueVersion(db, version).catalogue;
        } catch {
          catalogue = current;
        }
        versions.set(version, catalogue);
      }
      const found = current.businesses.find((b) => b.code === code) ?? catalogue.businesses.find((b) => b.code === code);
      return found ? { names: found.names, kind: found.kind } : { names: { zh: code, en: code }, kind: null };
    },
  };
}
