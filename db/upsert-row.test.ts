import { describe, expect, it } from 'vitest';
import { query, sql } from './sql.ts';
import type { Row } from './tables.ts';
import { scratchDatabase } from './testing/scratch-database.ts';
import { upsertRow, upsertSql } from './upsert-row.ts';

describe('upsertRow', () => {
  const db = scratchDatabase('upsert');

  // calendar_overrides: a table with a one-column key and no row it must point at.
  const override = (kind: string, setAt: string): Row<'calendar_overrides'> => ({ day: '2026-10-08', kind, set_at: setAt, set_by: null });
  const overrides = () => query<Row<'calendar_overrides'>>(db(), sql`SELECT * FROM calendar_overrides`);

  it('inserts a new row, then replaces every other column of the row with the same key', () => {
    upsertRow(db(), 'calendar_overrides', ['day'], override('holiday', '2026-03-02T08:00:00.000Z'));
    upsertRow(db(), 'calendar_overrides', ['day'], override('workday', '2026-03-02T09:00:00.000Z'));
    expect(overrides()).toEqual([override('workday', '2026-03-02T09:00:00.000Z')]);
  });

  it('binds every value: SQL in a value is kept as text', () => {
    const sneaky = `'); DROP TABLE intake_drafts; --`;
    upsertRow(db(), 'calendar_overrides', ['day'], override('holiday', sneaky));
    expect(overrides().map((o) => o.set_at)).toEqual([sneaky]);
  });

  it('writes no name into the statement that is not a plain identifier', () => {
    const row = { ...override('holiday', '2026-03-02T08:00:00.000Z'), 'kind = 1; --': 'x' };
    expect(() => upsertSql('calendar_overrides', ['day'], row)).toThrow(/not a column name/);
    expect(overrides()).toEqual([]);
  });

  it('is one statement text per table and key, whatever the values', () => {
    const draft = (json: string, updatedAt: string): Row<'intake_drafts'> => ({ staff_id: 1, counter_id: 2, json, updated_at: updatedAt });
    const a = upsertSql('intake_drafts', ['staff_id', 'counter_id'], draft('a', 'x'));
    const b = upsertSql('intake_drafts', ['staff_id', 'counter_id'], draft('b', 'y'));
    expect(a.text).toBe(b.text);
    expect(a.text).toBe(
      'INSERT INTO intake_drafts (staff_id, counter_id, json, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (staff_id, counter_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at',
    );
  });
});
