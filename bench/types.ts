/**
 * A bench case measures one figure of the product against its target, and the same
 * work done by the bare part underneath (better-sqlite3 alone, a bare HTTP server...)
 * in the same run, so a slow machine shows up in both numbers.
 */
export type BenchContext = {
  /** The repository root; spawn children with cwd here. */
  root: string;
  /** Where cases keep expensive fixtures between runs (os.tmpdir()/onewindow-bench). */
  cacheDir: string;
  /** How many timed repetitions a case should take the median of. */
  runs: number;
  /** Progress for humans: goes to stderr, never stdout. */
  log: (message: string) => void;
  env: NodeJS.ProcessEnv;
};

export type BenchResult = {
  /** The measured figure of OneWindow, in the case's unit. */
  value: number;
  /** The same work done by the bare part, in the same unit. */
  baseline: number;
};

export type BenchCase = {
  /** "<area>.<what>_<unit>", e.g. "hall.cold_start_ms"; --only matches its prefix. */
  name: string;
  unit: string;
  /** "<op> <number>" with op one of <=, <, >=, > — e.g. "<= 1500". */
  target: string;
  run: (ctx: BenchContext) => Promise<BenchResult>;
};

/** Identity, for type checking a case where it is written. */
export const defineCase = (benchCase: BenchCase): BenchCase => benchCase;
