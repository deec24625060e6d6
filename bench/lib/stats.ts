export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds to one decimal: bench figures are not more precise than that. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

export const formatSamples = (samples: readonly number[]): string => samples.map((s) => round1(s).toFixed(1)).join(', ');
