import type { Db, ReadDb } from './connection.ts';
import { query, queryOne, run, sql } from './sql.ts';
import { parseJsonColumn, stringList } from './json-columns.ts';
import { type Camel, camelRow } from './camel-row.ts';
import type { Row } from './tables.ts';

type Raw = Row<'categories'>;

export type CategoryRow = Omit<Camel<Raw>, 'utilities' | 'businesses' | 'active'> & { utilities: string[]; businesses: string[]; active: boolean };

const toCategory = (r: Raw): CategoryRow => ({
  ...camelRow(r),
  utilities: parseJsonColumn(stringList, r.utilities),
  businesses: parseJsonColumn(stringList, r.businesses),
  active: r.active === 1,
});

export function listCategories(db: ReadDb): CategoryRow[] {
  return query<Raw>(db, sql`SELECT * FROM categories ORDER BY sort_order, prefix`).map(toCategory);
}

export function getCategory(db: ReadDb, id: number): CategoryRow | undefined {
  const raw = queryOne<Raw>(db, sql`SELECT * FROM categories WHERE id = ${id}`);
  return raw && toCategory(raw);
}

export function getCategoryByPrefix(db: ReadDb, prefix: string): CategoryRow | undefined {
  const raw = queryOne<Raw>(db, sql`SELECT * FROM categories WHERE prefix = ${prefix}`);
  return raw && toCategory(raw);
}

export function saveCategory(db: Db, c: Omit<CategoryRow, 'id'> & { id?: number | undefined }): CategoryRow {
  const [utilities, businesses, active] = [JSON.stringify(c.utilities), JSON.stringify(c.businesses), c.active ? 1 : 0];
  let id = c.id;
  if (id === undefined) {
    id = Number(
      run(
        db,
        sql`INSERT INTO categories (prefix, name_zh, name_en, utilities, businesses, daily_limit, opens_at, closes_at, active, sort_order)
         VALUES (${c.prefix}, ${c.nameZh}, ${c.nameEn}, ${utilities}, ${businesses}, ${c.dailyLimit}, ${c.opensAt}, ${c.closesAt}, ${active}, ${c.sortOrder})`,
      ).lastInsertRowid,
    );
  } else {
    run(
      db,
      sql`UPDATE categories SET prefix = ${c.prefix}, name_zh = ${c.nameZh}, name_en = ${c.nameEn}, utilities = ${utilities}, businesses = ${businesses}, daily_limit = ${c.dailyLimit},
         opens_at = ${c.opensAt}, closes_at = ${c.closesAt}, active = ${active}, sort_order = ${c.sortOrder} WHERE id = ${id}`,
    );
  }
  const saved = getCategory(db, id);
  if (!saved) throw new Error('saved category vanished');
  return saved;
}
