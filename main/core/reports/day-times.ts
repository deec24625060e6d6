import type { ReadDb } from '../../../db/connection.ts';
import { type KeptDayTimes, readDayTimes, servedTicketUtilities, type StoredDayTimes } from '../../../db/report-day-times.ts';
import { servedTimes } from '../../../db/report-queue.ts';
import { z } from 'zod';
import { DurationGroups, DurationSamples } from './durations.ts';

/**
 * The wait and service times (ms) of one hall day's served tickets, grouped: the whole day,
 * each counter, each clerk, each utility of the applications taken on the ticket (a joint
 * application's ticket counts for each). Percentiles cannot be summed, so a day keeps its
 * samples, not its averages: a period's figures are computed from all its days' samples.
 */
export type TimesGroupKind = 'all' | 'counter' | 'clerk' | 'utility';
/** [kind, key (counter or staff id, utility code, null for all), number of waits, number of services]. */
export type TimesGroup = [kind: TimesGroupKind, key: number | string | null, waits: number, services: number];
/** The groups in order; `samples` holds each group's waits then its services, one after the other. */
export type DayTimes = { groups: TimesGroup[]; samples: Float64Array };

/** Bump when the layout or what is computed changes (a wait's definition, a new group): every kept day of another format is computed again at its next report. */
const FORMAT = 1;
// Samples are stored as the machine's Float64Array bytes; every platform the hall runs on is
// little-endian, and a big-endian one simply recomputes instead of misreading.
const littleEndian = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** Computes a day's times from its records. */
export function computeDayTimes(db: ReadDb, day: string): DayTimes {
  const utilitiesOf = new Map<number, string[]>();
  for (const [ticketId, utility] of servedTicketUtilities(db, day)) {
    const list = utilitiesOf.get(ticketId);
    if (list) list.push(utility);
    else utilitiesOf.set(ticketId, [utility]);
  }
  const overall = new DurationSamples();
  const byCounter = new DurationGroups<number>();
  const byClerk = new DurationGroups<number>();
  const byUtility = new DurationGroups<string>();
  const rows = servedTimes(db, day, day);
  // Indexed reads, not destructuring: this loop runs once per served ticket.
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i];
    if (r === undefined) continue;
    const waitMs = r[3];
    const serviceMs = r[4];
    overall.add(waitMs, serviceMs);
    if (r[1] !== null) byCounter.add(r[1], waitMs, serviceMs);
    if (r[2] !== null) byClerk.add(r[2], waitMs, serviceMs);
    const utilities = utilitiesOf.get(r[0]);
    if (utilities) for (const u of utilities) byUtility.add(u, waitMs, serviceMs);
  }

  const parts: { kind: TimesGroupKind; key: number | string | null; group: DurationSamples }[] = [
    ...(rows.length > 0 ? [{ kind: 'all' as const, key: null, group: overall }] : []),
    ...byCounter.keys().map((key) => ({ kind: 'counter' as const, key, group: byCounter.group(key) })),
    ...byClerk.keys().map((key) => ({ kind: 'clerk' as const, key, group: byClerk.group(key) })),
    ...byUtility.keys().map((key) => ({ kind: 'utility' as const, key, group: byUtility.group(key) })),
  ];
  const groups: TimesGroup[] = parts.map(({ kind, key, group }) => [kind, key, group.samples().wait.length, group.samples().service.length]);
  const samples = new Float64Array(groups.reduce((n, g) => n + g[2] + g[3], 0));
  let offset = 0;
  for (const { group } of parts) {
    const { wait, service } = group.samples();
    samples.set(wait, offset);
    offset += wait.length;
    samples.set(service, offset);
    offset += service.length;
  }
  return { groups, samples };
}

export function encodeDayTimes(times: DayTimes): { groupsJson: string; samples: Uint8Array } {
  return {
    groupsJson: JSON.stringify({ format: FORMAT, groups: times.groups }),
    samples: new Uint8Array(times.samples.buffer, times.samples.byteOffset, times.samples.byteLength),
  };
}

const keptSchema = z.object({
  format: z.literal(FORMAT),
  groups: z.array(z.tuple([z.enum(['all', 'counter', 'clerk', 'utility']), z.union([z.number(), z.string(), z.null()]), z.number(), z.number()])),
}) satisfies z.ZodType<{ format: number; groups: TimesGroup[] }>;

/** A kept day's groups when they are of this format and its samples add up (`sampleBytes` long), else undefined. */
export function keptGroups(groupsJson: string, sampleBytes: number): TimesGroup[] | undefined {
  if (!littleEndian) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(groupsJson);
  } catch {
    return undefined;
  }
  const kept = keptSchema.safeParse(parsed);
  if (!kept.success) return undefined;
  const count = kept.data.groups.reduce((n, g) => n + g[2] + g[3], 0);
  return sampleBytes === count * 8 ? kept.data.groups : undefined;
}

/** A kept day, or undefined when it is of another format or does not add up (then it is computed again). */
export function decodeDayTimes(stored: StoredDayTimes): DayTimes | undefined {
  const groups = keptGroups(stored.groupsJson, stored.samples.byteLength);
  if (!groups) return undefined;
  const count = stored.samples.byteLength / 8;
  // A Float64Array needs its bytes 8-aligned; SQLite's buffer may not be.
  let bytes: Uint8Array = stored.samples;
  if (bytes.byteOffset % 8 !== 0) {
    bytes = new Uint8Array(stored.samples.byteLength);
    bytes.set(stored.samples);
  }
  return { groups, samples: new Float64Array(bytes.buffer, bytes.byteOffset, count) };
}

/**
 * A day's times: for a closed day (before `today`) the kept ones, or computed and handed to
 * `keep` so the hall's single writer keeps them (report-port.ts in process, report-workers.ts
 * from a worker); for today (still changing) computed each time, and never kept: the triggers
 * would delete it again at the next call of a ticket. A later change deletes the kept day
 * (migration 0009's triggers). Reading and keeping are apart, so the reader never holds the
 * write lock: computing a busy day under it held every counter's commit waiting on the hall's
 * event loop for seconds (bench hall.busy).
 */
export function dayTimes(db: ReadDb, day: string, today: string, builtAt: string, keep: (kept: KeptDayTimes) => void): DayTimes {
  if (day >= today) return computeDayTimes(db, day);
  const kept = readDayTimes(db, day);
  const decoded = kept && decodeDayTimes(kept);
  if (decoded) return decoded;
  const times = computeDayTimes(db, day);
  keep({ day, ...encodeDayTimes(times), builtAt });
  return times;
}
