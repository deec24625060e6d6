export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds to one decimal: bench figures are not more precise than that. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

export const formatSamples = (samples: readonly number[]): string => samples.map((s) => round1(s).toFixed(1)).join(', ');

/**
 * Latencies are measured from a moment before the work starts, so none can be zero or less:
 * one that is means the bench measures from the wrong moment, and its figure would lie.
 */
export function checkLatencies<T extends readonly number[]>(samples: T, what: string): T {
  const bad = samples.filter((s) => !(s > 0));
  if (bad.length > 0)
    throw new Error(
      `${what}: ${bad.length} of ${samples.length} latencies are <= 0 ms (lowest ${Math.min(...bad)} ms), which cannot be true; the bench measures from the wrong moment`,
    );
  return samples;
}

/**
 * A case's figure from its runs: the median of the runs' p99s against the baseline's, with every
 * run's sample in the log so a reader sees the spread behind the median.
 */
export function medianOfRuns(
  log: (line: string) => void,
  what: string,
  value: readonly number[],
  baseline: readonly number[],
): { value: number; baseline: number } {
  log(`  ${what} p99 samples: ${formatSamples(value)}; baseline p99 samples: ${formatSamples(baseline)}`);
  return { value: round1(median(value)), baseline: round1(median(baseline)) };
}
