import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';

export type CatalogueSource = 'seed' | 'edit' | 'import';

export type CatalogueVersionRow = {
  version: number;
  publishedAt: string;
  publishedBy: number | null;
  publishedByName: string | null;
  source: CatalogueSource;
};

type Raw = { version: number; published_at: string; published_by: number | null; published_by_name: string | null; source: CatalogueSource };

const toRow = (r: Raw): CatalogueVersionRow => ({
  version: r.version,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  publishedByName: r.published_by_name,
  source: r.source,
});

export function latestCatalogueVersion(db: ReadDb): { version: number; publishedAt: string } | undefined {
  const row = queryOne<{ version: number; published_at: string }>(db, sql`SELECT version, published_at FROM catalogue_versions ORDER BY version DESC LIMIT 1`);
  return row && { version: row.version, publishedAt: row.published_at };
}

export function catalogueVersionPublishedAt(db: ReadDb, version: number): string | undefined {
  const row = queryOne<{ published_at: string }>(db, sql`SELECT published_at FROM catalogue_versions WHERE version = ${version}`);
  return row?.published_at;
}

/** The stored JSON of one version (the catalogue only; number and date are columns). */
export function catalogueVersionJson(db: ReadDb, version: number): { publishedAt: string; json: string } | undefined {
  const row = queryOne<{ published_at: string; json: string }>(db, sql`SELECT published_at, json FROM catalogue_versions WHERE version = ${version}`);
  return row && { publishedAt: row.published_at, json: row.json };
}

export function insertCatalogueVersion(
  db: Db,
  v: { version: number; publishedAt: string; publishedBy: number | null; source: CatalogueSource; json: string },
): void {
  run(
    db,
    sql`INSERT INTO catalogue_versions (version, published_at, published_by, source, json) VALUES (${v.version}, ${v.publishedAt}, ${v.publishedBy}, ${v.source}, ${v.json})`,
  );
}

/** The default catalogue as version 1 of a new hall; a second process seeding at the same moment changes nothing. */
export function seedCatalogueVersion(db: Db, v: { publishedAt: string; json: string }): void {
  run(
    db,
    sql`INSERT INTO catalogue_versions (version, published_at, published_by, source, json) VALUES (1, ${v.publishedAt}, NULL, 'seed', ${v.json}) ON CONFLICT(version) DO NOTHING`,
  );
}

export function listCatalogueVersions(db: ReadDb): CatalogueVersionRow[] {
  return query<Raw>(
    db,
    sql`SELECT v.version, v.published_at, v.published_by, s.name AS published_by_name, v.source
         FROM catalogue_versions v LEFT JOIN staff s ON s.id = v.published_by ORDER BY v.version DESC`,
  ).map(toRow);
}
