import { hallColdStart } from './cases/hall-cold-start.ts';
import type { BenchCase } from './types.ts';

/** Every bench case, in the order `npm run bench` runs them. Add a case: one file in cases/, one line here. */
export const cases: readonly BenchCase[] = [
  hallColdStart,
];
