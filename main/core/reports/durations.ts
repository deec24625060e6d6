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
  // `?? NaN` only satisfies the index check: every index read lies in [lo, hi], inside the array.
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] ?? NaN;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? NaN) < pivot) i += 1;
      while ((values[j] ?? NaN) > pivot) j -= 1;
      if (i <= j) {
        const t = values[i] ?? NaN;
        values[i] = values[j] ?? NaN;
        values[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] ?? NaN;
}

/** The nearest-rank percentile p (0–1] of `values`, reordering them. */
export function nearestRank(values: Float64Array, p: number): number | null {
  if (values.length === 0) return null;
  return kthSmallest(values, Math.max(1, Math.ceil(p * values.length)) - 1);
}

/**
 * Stats of durations given in milliseconds. The values are reordered (a typed array is
 * used in place: a month's groups hold half a million samples, and a copy each costs).
 */
export function durationStats(ms: readonly number[] | Float64Array): DurationStats {
  if (ms.length === 0) return emptyStats;
  const values = ms instanceof Float64Array ? ms : Float64Array.from(ms);
  let sum = 0;
  for (const x of values) sum += x;
  const p90 = nearestRank(values, 0.9) ?? 0;
  return { count: values.length, avgSec: round1(sum / values.length / 1000), p90Sec: round1(p90 / 1000) };
}

/** Durations collected in a typed array that doubles as it fills: no boxed numbers for the collector to walk. */
class Samples {
  private values = new Float64Array(256);
  private length = 0;

  push(x: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = x;
    this.length += 1;
  }

  pushAll(xs: Float64Array): void {
    if (this.length + xs.length > this.values.length) {
      const grown = new Float64Array(Math.max(this.values.length * 2, this.length + xs.length));
      grown.set(this.values.subarray(0, this.length));
      this.values = grown;
    }
    this.values.set(xs, this.length);
    this.length += xs.length;
  }

  view(): Float64Array {
    return this.values.subarray(0, this.length);
  }
}

/** The wait and service times of one group of tickets. */
export class DurationSamples {
  private readonly wait = new Samples();
  private readonly service = new Samples();

  add(waitMs: number | null, serviceMs: number | null): void {
    if (waitMs !== null) this.wait.push(waitMs);
    if (serviceMs !== null) this.service.push(serviceMs);
  }

  /** Another group's samples at once (a kept day's, main/core/reports/day-times.ts). */
  addAll(waitMs: Float64Array, serviceMs: Float64Array): void {
    this.wait.pushAll(waitMs);
    this.service.pushAll(serviceMs);
  }

  /** The samples as collected, in order (before stats() reorders them). */
  samples(): { wait: Float64Array; service: Float64Array } {
    return { wait: this.wait.view(), service: this.service.view() };
  }

  /** Reorders the samples: call once. */
  stats(): { wait: DurationStats; service: DurationStats } {
    return { wait: durationStats(this.wait.view()), service: durationStats(this.service.view()) };
  }
}

/** Collects durations per key, then reports each key's stats. */
export class DurationGroups<K> {
  private readonly groups = new Map<K, DurationSamples>();

  /** The key's group, made on first use: a caller adding many samples to one key looks it up once. */
  group(key: K): DurationSamples {
    let g = this.groups.get(key);
    if (!g) {
      g = new DurationSamples();
      this.groups.set(key, g);
    }
    return g;
  }

  add(key: K, waitMs: number | null, serviceMs: number | null): void {
    this.group(key).add(waitMs, serviceMs);
  }

  keys(): K[] {
    return [...this.groups.keys()];
  }

  /** Reorders the key's samples: call once per key. */
  stats(key: K): { wait: DurationStats; service: DurationStats } {
    const g = this.groups.get(key);
    return g ? g.stats() : { wait: emptyStats, service: emptyStats };
  }
}
