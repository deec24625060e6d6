import type { Db } from './connection.ts';

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

export function latestCatalogueVersion(db: Db): { version: number; publishedAt: string } | undefined {
  const row = db.prepare('SELECT version, published_at FROM catalogue_versions ORDER BY version DESC LIMIT 1').get() as { version: number; published_at: string } | undefined;
  return row && { version: row.version, publishedAt: row.published_at };
}

export function catalogueVersionPublishedAt(db: Db, version: number): string | undefined {
  const row = db.prepare('SELECT published_at FROM catalogue_versions WHERE version = ?').get(version) as { published_at: string } | undefined;
  return row?.published_at;
}

/** The stored JSON of one version (the catalogue only; number and date are columns). */
export function catalogueVersionJson(db: Db, version: number): { publishedAt: string; json: string } | undefined {
  const row = db.prepare('SELECT published_at, json FROM catalogue_versions WHERE version = ?').get(version) as { published_at: string; json: string } | undefined;
  return row && { publishedAt: row.published_at, json: row.json };
}

export function insertCatalogueVersion(
  db: Db,
  v: { version: number; publishedAt: string; publishedBy: number | null; source: CatalogueSource; json: string },
): void {
  db.prepare('INSERT INTO catalogue_versions (version, published_at, published_by, source, json) VALUES (?, ?, ?, ?, ?)').run(
    v.version,
    v.publishedAt,
    v.publishedBy,
    v.source,
    v.json,
  );
}

/** The default catalogue as version 1 of a new hall; a second process seeding at the same moment changes nothing. */
export function seedCatalogueVersion(db: Db, v: { publishedAt: string; json: string }): void {
  db.prepare(`INSERT INTO catalogue_versions (version, published_at, published_by, source, json) VALUES (1, ?, NULL, 'seed', ?) ON CONFLICT(version) DO NOTHING`).run(
    v.publishedAt,
    v.json,
  );
}

export function listCatalogueVersions(db: Db): CatalogueVersionRow[] {
  return (
    db
      .prepare(
        `SELECT v.version, v.published_at, v.published_by, s.name AS published_by_name, v.source
         FROM catalogue_versions v LEFT JOIN staff s ON s.id = v.published_by ORDER BY v.version DESC`,
      )
      .all() as Raw[]
  ).map(toRow);
}
