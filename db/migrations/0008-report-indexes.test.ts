import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HALL_DAY, hallDayAnswers, seedHallDay } from '../../test/fixtures/hall-day.ts';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate, schemaVersion } from '../migrate.ts';
import { feesByUtility, matterRows } from '../report-intake.ts';
import { ratingGroups } from '../report-ratings.ts';
import { migrations } from './index.ts';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-0008-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});

afterEach(() => {
  closeDatabase(db);
  fs.rmSync(dir, { recursive: true, force: true });
});

const plan = (sql: string, ...params: unknown[]) =>
  (db.prepare('EXPLAIN QUERY PLAN ' + sql).all(...params) as { detail: string }[]).map((p) => p.detail).join(' | ');

describe('migration 0008: report indexes', () => {
  it('indexes the records of a day seeded before the upgrade, and the reports read them from the indexes alone', () => {
    migrate(db, migrations.filter((m) => m.version <= 7));
    seedHallDay(db);
    const ratingsBefore = (db.prepare(`SELECT count(*) AS n FROM ratings WHERE day = ?`).get(HALL_DAY) as { n: number }).n;

    migrate(db, migrations.filter((m) => m.version <= 8));
    expect(schemaVersion(db)).toBe(8);
    const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('ratings_day_figures', 'applications_submitted_report', 'application_matters_report', 'fee_lines_report')`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes.sort()).toEqual(['application_matters_report', 'applications_submitted_report', 'fee_lines_report', 'ratings_day_figures']);

    // Every invitation of the day is counted once, through the new index.
    expect(ratingGroups(db, HALL_DAY, HALL_DAY).reduce((n, g) => n + g.n, 0)).toBe(ratingsBefore);
    expect(plan(`SELECT staff_id, stage, status, level, count(*) FROM ratings INDEXED BY ratings_day_figures WHERE day BETWEEN ? AND ? GROUP BY day, staff_id, stage, status, level`, 'a', 'b')).toMatch(
      /COVERING INDEX ratings_day_figures/,
    );
    expect(plan(`SELECT staff_id, stage, status, level, count(*) FROM ratings INDEXED BY ratings_day_figures WHERE day BETWEEN ? AND ? GROUP BY day, staff_id, stage, status, level`, 'a', 'b')).not.toMatch(/TEMP B-TREE/);

    const start = '2026-11-19T16:00:00.000Z';
    const end = '2026-11-20T16:00:00.000Z';
    const matters = matterRows(db, start, end);
    expect(new Set(matters.map((m) => m[0])).size).toBe(hallDayAnswers.applications);
    expect(plan(`SELECT a.id, a.catalogue_version, m.utility, m.business_code FROM applications a JOIN application_matters m ON m.application_id = a.id WHERE a.submitted_at >= ? AND a.submitted_at < ?`, start, end)).toMatch(
      /COVERING INDEX applications_submitted_report.*COVERING INDEX application_matters_report/,
    );
    expect(feesByUtility(db, start, end).reduce((sum, f) => sum + f.amountFen, 0)).toBe(hallDayAnswers.feesTotalFen);
  });
});
