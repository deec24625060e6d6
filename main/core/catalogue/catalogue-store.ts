import {
  catalogueVersionJson,
  catalogueVersionPublishedAt,
  insertCatalogueVersion,
  latestCatalogueVersion,
  seedCatalogueVersion,
  type CatalogueSource,
} from '../../../db/catalogue-versions.ts';
import type { Db, ReadDb } from '../../../db/connection.ts';
import { fail } from '../api/errors.ts';
import { type Catalogue, type CatalogueInput, type CatalogueVersion, catalogueSchema } from './catalogue.ts';
import { publishCatalogue } from './catalogue-file.ts';
import { loadDefaultCatalogue } from './default-catalogue.ts';

/**
 * Published catalogue versions, read from catalogue_versions. A version never changes once
 * published, so each is parsed once per database and kept: the intake form reads the current
 * one on every preview and submit, and the catalogue is some 100 KB of JSON. A kept copy is
 * checked against the row's publication time, so a version read inside a transaction that was
 * rolled back (its number later taken by another publication) is never served.
 */
const parsed = new WeakMap<ReadDb, Map<number, CatalogueVersion>>();

function cacheOf(db: ReadDb): Map<number, CatalogueVersion> {
  let cache = parsed.get(db);
  if (!cache) {
    cache = new Map();
    parsed.set(db, cache);
  }
  return cache;
}

export function catalogueVersion(db: ReadDb, version: number, publishedAt = catalogueVersionPublishedAt(db, version)): CatalogueVersion {
  const cache = cacheOf(db);
  const hit = cache.get(version);
  if (hit && hit.publishedAt === publishedAt) return hit;
  const row = catalogueVersionJson(db, version) ?? fail('not_found', 'errors.intake.catalogueVersionNotFound', { version });
  const loaded: CatalogueVersion = { version, publishedAt: row.publishedAt, catalogue: catalogueSchema.parse(JSON.parse(row.json)) };
  cache.set(version, loaded);
  return loaded;
}

/** The version in force. A new hall has none until first asked: then the shipped default becomes version 1. */
export function currentCatalogue(db: Db): CatalogueVersion {
  let latest = latestCatalogueVersion(db);
  if (latest === undefined) {
    const seed = loadDefaultCatalogue();
    seedCatalogueVersion(db, { publishedAt: seed.publishedAt, json: JSON.stringify(seed.catalogue) });
    latest = latestCatalogueVersion(db) ?? fail('not_found', 'errors.intake.catalogueVersionNotFound', { version: 1 });
  }
  return catalogueVersion(db, latest.version, latest.publishedAt);
}

/** The catalogue in force, for a reader (a report on a read-only connection): before the first version is published, the shipped default that will become it. */
export function currentCatalogueToRead(db: ReadDb): Catalogue {
  const latest = latestCatalogueVersion(db);
  return latest === undefined ? loadDefaultCatalogue().catalogue : catalogueVersion(db, latest.version, latest.publishedAt).catalogue;
}

/** Publishes the next version; call inside a transaction so the number cannot be taken twice. */
export function publishNextCatalogue(
  db: Db,
  catalogue: Catalogue | CatalogueInput,
  by: { staffId: number | null; source: Exclude<CatalogueSource, 'seed'>; at: Date },
): CatalogueVersion {
  const next = publishCatalogue(currentCatalogue(db), catalogue, by.at);
  insertCatalogueVersion(db, {
    version: next.version,
    publishedAt: next.publishedAt,
    publishedBy: by.staffId,
    source: by.source,
    json: JSON.stringify(next.catalogue),
  });
  return next;
}
