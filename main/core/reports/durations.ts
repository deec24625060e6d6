/**
 * Wait and service times of a group of tickets (a counter, a clerk, a utility): count,
 * average and 90th percentile in seconds. The percentile is the nearest rank (the value
 * at position ceil(0.9·n) of the sorted times): always a time some customer really had,
 * and the same figure whoever recomputes it from the records.
 */
export type DurationStats = { count: number; avgSec: number | null; p90Sec: number | null };

export const emptyStats: DurationStats = { count: 0, avgSec: null, p90Sec: null };

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The k-th smallest value (0-based) of `values`, reordering them in place: Hoare's
 * quickselect, linear on average. A month's half a million waits need no full sort.
 */
export function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i += 1;
      while ((values[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] as number;
}

/** The nearest-rank percentile p (0–1] of `values`, reordering them. */
export function nearestRank(values: Float64Array, p: number): number | null {
  if (values.length === 0) return null;
  return kthSmallest(values, Math.max(1, Math.ceil(p * values.length)) - 1);
}

/** Stats of durations given in milliseconds. */
export function durationStats(ms: readonly number[]): DurationStats {
  if (ms.length === 0) return emptyStats;
  const values = Float64Array.from(ms);
  let sum = 0;
  for (const x of values) sum += x;
  const p90 = nearestRank(values, 0.9) ?? 0;
  return { count: values.length, avgSec: round1(sum / values.length / 1000), p90Sec: round1(p90 / 1000) };
}

/** Collects durations per key, then reports each key's stats. */
export class DurationGroups<K> {
  private readonly groups = new Map<K, { wait: number[]; service: number[] }>();

  add(key: K, waitMs: number | null, serviceMs: number | null): void {
    let g = this.groups.get(key);
    if (!g) {
      g = { wait: [], service: [] };
      this.groups.set(key, g);
    }
    if (waitMs !== null) g.wait.push(waitMs);
    if (serviceMs !== null) g.service.push(serviceMs);
  }

  keys(): K[] {
    return [...this.groups.keys()];
  }

  stats(key: K): { wait: DurationStats; service: DurationStats } {
    const g = this.groups.get(key);
    return g ? { wait: durationStats(g.wait), service: durationStats(g.service) } : { wait: emptyStats, service: emptyStats };
  }
}
