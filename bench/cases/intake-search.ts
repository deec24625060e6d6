import { performance } from 'node:perf_hooks';
import { mattersOf, searchApplications } from '../../db/intake-search.ts';
import { SEARCH_COUNT_CAP } from '../../main/core/intake/search.ts';
import { benchAccounts, benchName, benchPhone, benchResidentId, intakeFixture } from '../fixtures/intake-db.ts';
import { openIntakeBenchHall } from '../lib/intake-hall.ts';
import { percentile } from '../lib/queue-hall.ts';
import { medianOfRuns, round1 } from '../lib/stats.ts';
import { type BenchContext, type BenchResult, defineCase } from '../types.ts';
import { prng } from '../lib/prng.ts';
import { envCount } from '../lib/env.ts';

type Query = { caseNumber?: string; name?: string; idNumber?: string; phone?: string; accountNo?: string; from?: string; to?: string; page?: number };

/** Days the fixture covers, as a clerk would pick a day or a month of it. */
const dayOf = (rand: () => number): string => new Date(Date.parse('2023-12-01T00:00:00Z') + Math.floor(rand() * 1090) * 86_400_000).toISOString().slice(0, 10);
const plusDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * What clerks and managers search for, in even shares: a case number from a receipt, a
 * customer's ID number, phone or account number, a full name, one day, one month (page 3 of
 * it), a name within a month, and the first two characters of a name over everything (the
 * loosest name search allowed: a surname and a first character). Values are drawn from the
 * fixture, so most searches find something.
 */
function queries(db: ReturnType<typeof openIntakeBenchHall>['db'], customers: number, applications: number, count: number): Query[] {
  const rand = prng(4242);
  const caseNumber = db.prepare('SELECT case_number AS n FROM application_matters WHERE application_id = ? LIMIT 1');
  const customer = () => 1 + Math.floor(rand() * customers);
  const kinds: (() => Query)[] = [
    () => ({ caseNumber: (caseNumber.get(1 + Math.floor(rand() * applications)) as { n: string } | undefined)?.n ?? 'S20240101-0001' }),
    () => ({ idNumber: benchResidentId(customer()) }),
    () => ({ phone: benchPhone(customer()) }),
    () => {
      // Three in five customers hold a water account.
      let c = customer();
      while (benchAccounts(c).length === 0) c = customer();
      return { accountNo: benchAccounts(c)[0]?.accountNo ?? '' };
    },
    () => ({ name: benchName(customer()) }),
    () => {
      const day = dayOf(rand);
      return { from: day, to: day };
    },
    () => {
      const from = dayOf(rand);
      return { from, to: plusDays(from, 30), page: 3 };
    },
    () => {
      const from = dayOf(rand);
      return { name: benchName(customer()), from, to: plusDays(from, 30) };
    },
    () => ({ name: benchName(customer()).slice(0, 2) }),
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]?.() ?? {});
}

/** Hall-local day start in Shanghai as the core computes it for the same filter. */
const shanghaiStart = (day: string): string => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();

/**
 * intake/search over ONEWINDOW_BENCH_APPLICATIONS (default 1,000,000) applications: the p99 of
 * ONEWINDOW_BENCH_QUERIES (default 900) searches of the mix above, each a page of 20 with its
 * count (capped at 10,000), through core.send with a clerk's session. Median over the runs.
 * Baseline: the same searches as the bare SQL (db/intake-search.ts's page, count and matters
 * statements on better-sqlite3, no validation, session, masking or mapping), each query run
 * right after its core twin so both meet the same page cache.
 */
export const intakeSearchP99 = defineCase({
  name: 'intake.search.p99_ms',
  unit: 'ms',
  target: '<= 50',
  run: timeSearches,
});

async function timeSearches(ctx: BenchContext): Promise<BenchResult> {
  const fixture = await intakeFixture(ctx);
  const hall = openIntakeBenchHall(fixture);
  try {
    const list = queries(hall.db, fixture.customers, fixture.applications, envCount(ctx, 'ONEWINDOW_BENCH_QUERIES', 900));
    const core: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run <= ctx.runs; run++) {
      const coreMs: number[] = [];
      const bareMs: number[] = [];
      const byKind = new Map<string, number[]>();
      for (const q of list) {
        const t0 = performance.now();
        const result = await hall.core.send('intake/search', { ...q, pageSize: 20 }, hall.clerk);
        const t1 = performance.now();
        if (!result.ok) throw new Error(`intake/search failed: ${JSON.stringify(result.error)}`);
        const pageSize = 20;
        const found = searchApplications(hall.db, {
          ...q,
          from: q.from ? shanghaiStart(q.from) : undefined,
          to: q.to ? shanghaiStart(plusDays(q.to, 1)) : undefined,
          limit: pageSize,
          offset: ((q.page ?? 1) - 1) * pageSize,
          countCap: SEARCH_COUNT_CAP,
        });
        mattersOf(
          hall.db,
          found.hits.map((h) => h.id),
        );
        const t2 = performance.now();
        if (found.total !== result.value.total) throw new Error(`bare and core searches disagree on ${JSON.stringify(q)}`);
        coreMs.push(t1 - t0);
        bareMs.push(t2 - t1);
        const kind = Object.keys(q)
          .filter((k) => k !== 'page')
          .join('+');
        byKind.set(kind, [...(byKind.get(kind) ?? []), t1 - t0]);
      }
      // Run 0 warms the page cache and the JIT; it is not counted.
      if (run === 0) continue;
      core.push(percentile(coreMs, 99));
      bare.push(percentile(bareMs, 99));
      const kinds = [...byKind].map(([k, ms]) => `${k} ${round1(percentile(ms, 99))}`).join(', ');
      ctx.log(
        `  run ${run}/${ctx.runs}: core p99 ${round1(percentile(coreMs, 99))} ms (p50 ${round1(percentile(coreMs, 50))}), bare p99 ${round1(percentile(bareMs, 99))} ms; p99 by kind: ${kinds}`,
      );
    }
    return medianOfRuns(ctx.log, 'core', core, bare);
  } finally {
    hall.restore();
    hall.close();
  }
}
