import type { Migration } from './migration.ts';

/**
 * Covering indexes for the reports' month-long reads, so each is answered from an index
 * alone instead of one table row per record (bench reports.monthly_ms: a month is about
 * 540,000 ratings and 220,000 applications):
 * - ratings_day_figures: the rating counts per day, clerk, stage, status and level, grouped
 *   in the index's own order (no sort);
 * - applications_submitted_report and application_matters_report: every matter of the
 *   period's applications with its catalogue version, utility and business;
 * - fee_lines_report: the fees charged per utility.
 * Only additions: the older indexes stay for the queries that use them.
 */
export const migration0008 = {
  version: 8,
  name: 'report-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX ratings_day_figures ON ratings(day, staff_id, stage, status, level);
      CREATE INDEX applications_submitted_report ON applications(submitted_at, id, catalogue_version);
      CREATE INDEX application_matters_report ON application_matters(application_id, utility, business_code);
      CREATE INDEX fee_lines_report ON fee_lines(application_id, included, utility, amount_fen);
    `);
  },
} satisfies Migration;
