import { hallBusyCallToBoardP99, hallBusyIssueP99, hallBusyLoopStallMax } from './cases/hall-busy.ts';
import { hallColdStart } from './cases/hall-cold-start.ts';
import { intakeSearchP99 } from './cases/intake-search.ts';
import { intakeSubmitP99 } from './cases/intake-submit.ts';
import { ratingsKeypress } from './cases/ratings-keypress.ts';
import { ratingsParse } from './cases/ratings-parse.ts';
import { reportsDaily, reportsMonthly } from './cases/reports.ts';
import { queueFanoutP99 } from './cases/queue-fanout.ts';
import { queueIssueP99, queueIssueThroughput } from './cases/queue-issue.ts';
import { syncPeakRssMb, syncRecordsPerS } from './cases/sync-throughput.ts';
import type { BenchCase } from './types.ts';

/** Every bench case, in the order `npm run bench` runs them. Add a case: one file in cases/, one line here. */
export const cases: readonly BenchCase[] = [
  hallColdStart,
  ratingsParse,
  ratingsKeypress,
  queueIssueP99,
  queueIssueThroughput,
  queueFanoutP99,
  hallBusyIssueP99,
  hallBusyCallToBoardP99,
  hallBusyLoopStallMax,
  intakeSubmitP99,
  intakeSearchP99,
  syncRecordsPerS,
  syncPeakRssMb,
  reportsDaily,
  reportsMonthly,
];
