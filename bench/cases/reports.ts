import { performance } from 'node:perf_hooks';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { rawCounterAggregate } from '../../db/report-queue.ts';
import { defaultSessionPolicy, openStaffSession } from '../../main/core/auth/sessions.ts';
import { createCore } from '../../main/core/create-core.ts';
import { monthDays } from '../../main/core/reports/period.ts';
import { createReportWorkers } from '../../main/server/report-workers.ts';
import { PREVIOUS_MONTH, REPORT_DAY, REPORT_MONTH, reportsFixture } from '../fixtures/reports-db.ts';
import { formatSamples, median, round1 } from '../lib/stats.ts';
import { type BenchContext, defineCase } from '../types.ts';

/** Early December: the reported days are past, as when a manager prints them. */
const CLOCK = '2026-12-02T02:00:00.000Z';

/**
 * Times a report call through core.send (the entry point both transports share: input
 * checks, every section's SQL, the figures, the output check) against the bare SQL aggregate
 * over the same tickets, alternating, after one warm-up of each. Reports are computed as the
 * hall server computes them: in its report worker threads (main/server/report-workers.ts).
 */
async function timeReport(
  ctx: BenchContext,
  call: (send: ReturnType<typeof createCore>['send'], token: string) => Promise<unknown>,
  baseline: (db: ReturnType<typeof openDatabase>) => void,
) {
  const fixture = reportsFixture(ctx);
  const db = openDatabase(fixture.file, { readonly: false });
  // As the hall runs them: its own connection keeps the closed days the workers compute.
  const reports = createReportWorkers({ databaseFile: fixture.file, writer: db });
  try {
    const clock = { now: () => new Date(CLOCK) };
    const core = createCore({ db, clock, ports: { reports } });
    const token = openStaffSession(db, clock, defaultSessionPolicy, fixture.managerId).token;
    const values: number[] = [];
    const bases: number[] = [];
    let first = 0;
    for (let run = 0; run <= ctx.runs; run += 1) {
      let t = performance.now();
      const result = (await call(core.send, token)) as { ok: boolean; error?: unknown };
      if (!result.ok) throw new Error(`report failed: ${JSON.stringify(result.error)}`);
      const value = performance.now() - t;
      t = performance.now();
      baseline(db);
      const base = performance.now() - t;
      // Run 0 warms the page cache and the statement cache, and keeps the closed days' times
      // the hall's nightly check would have kept (main/server/keep-closed-days.ts).
      if (run === 0) {
        first = value;
        continue;
      }
      values.push(value);
      bases.push(base);
    }
    ctx.log(
      `  report ms: ${formatSamples(values)}; bare SQL ms: ${formatSamples(bases)} (${fixture.tickets} tickets in the fixture); warm-up run ${round1(first)} ms`,
    );
    return { value: round1(median(values)), baseline: round1(median(bases)) };
  } finally {
    await reports.close();
    closeDatabase(db);
  }
}

export const reportsDaily = defineCase({
  name: 'reports.daily_ms',
  unit: 'ms',
  target: '<= 200',
  run: (ctx) =>
    timeReport(
      ctx,
      (send, token) => send('reports/daily', { day: REPORT_DAY }, token),
      (db) => rawCounterAggregate(db, REPORT_DAY, REPORT_DAY),
    ),
});

export const reportsMonthly = defineCase({
  name: 'reports.monthly_ms',
  unit: 'ms',
  target: '<= 2000',
  run: (ctx) =>
    timeReport(
      ctx,
      (send, token) => send('reports/monthly', { month: REPORT_MONTH }, token),
      (db) => {
        // The report reads both months; so does its baseline.
        for (const month of [REPORT_MONTH, PREVIOUS_MONTH]) {
          const { from, to } = monthDays(month);
          rawCounterAggregate(db, from, to);
        }
      },
    ),
});
