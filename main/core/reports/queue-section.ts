import type { Db } from '../../../db/connection.ts';
import type { MatterRow } from '../../../db/report-intake.ts';
import { categoryNames, counterNames, type ServedTimesRow, servedTimes, staffNames, ticketCounts, ticketsPerHour } from '../../../db/report-queue.ts';
import { addDays } from '../intake/calendar-day.ts';
import { DurationGroups, type DurationSamples } from './durations.ts';
import { offsetModifier, type Period } from './period.ts';
import type { QueueSection, TimeRow } from './schemas.ts';
import type { Labels } from './labels.ts';

/**
 * Tickets issued, served and no-show per category, the hall's hours, and wait and service
 * times per counter, clerk and utility (a ticket whose application concerned two utilities
 * counts for both).
 */
export function queueSection(db: Db, period: Period, labels: Labels, matters: readonly MatterRow[]): QueueSection {
  // Utilities by their index in `utilityCodes`: numbers, not strings, in the per-ticket loop below.
  const utilityCodes: string[] = [];
  const utilityIndex = new Map<string, number>();
  const utilitiesOf = new Map<number, number[]>();
  for (const [, ticketId, , utility] of matters) {
    if (ticketId === null) continue;
    let u = utilityIndex.get(utility);
    if (u === undefined) {
      u = utilityCodes.length;
      utilityIndex.set(utility, u);
      utilityCodes.push(utility);
    }
    const list = utilitiesOf.get(ticketId);
    if (!list) utilitiesOf.set(ticketId, [u]);
    else if (!list.includes(u)) list.push(u);
  }

  const perCategory = new Map<number, { issued: number; served: number; noShow: number }>();
  const perDay = new Map<string, QueueSection['days'][number]>();
  // Counted in SQL as it walks the day index: no row per ticket crosses into JavaScript.
  for (const [day, categoryId, status, n] of ticketCounts(db, period.from, period.to)) {
    let c = perCategory.get(categoryId);
    if (!c) perCategory.set(categoryId, (c = { issued: 0, served: 0, noShow: 0 }));
    let d = perDay.get(day);
    if (!d) perDay.set(day, (d = { day, issued: 0, served: 0, noShow: 0 }));
    c.issued += n;
    d.issued += n;
    if (status === 'done') {
      c.served += n;
      d.served += n;
    } else if (status === 'no_show') {
      c.noShow += n;
      d.noShow += n;
    }
  }
  const days = [...perDay.values()];

  const all = new DurationGroups<'all'>();
  const overall = all.group('all');
  const byCounter = new DurationGroups<number>();
  const byClerk = new DurationGroups<number>();
  const byUtility = new DurationGroups<string>();
  const utilityGroups = utilityCodes.map((code) => byUtility.group(code));
  // Day by day: a day's rows are short-lived garbage; a month's half a million at once would
  // outlive the young generation and cost a full collection. Indexed reads, not destructuring:
  // this loop runs once per served ticket.
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    const rows = servedTimes(db, day, day);
    for (let i = 0; i < rows.length; i += 1) {
      const r = rows[i] as ServedTimesRow;
      const waitMs = r[3];
      const serviceMs = r[4];
      overall.add(waitMs, serviceMs);
      if (r[1] !== null) byCounter.add(r[1], waitMs, serviceMs);
      if (r[2] !== null) byClerk.add(r[2], waitMs, serviceMs);
      const utilities = utilitiesOf.get(r[0]);
      if (utilities) for (const u of utilities) (utilityGroups[u] as DurationSamples).add(waitMs, serviceMs);
    }
  }

  const categories = categoryNames(db);
  const byCategory = categories
    .filter((k) => perCategory.has(k.id))
    .map((k) => {
      const c = perCategory.get(k.id) ?? { issued: 0, served: 0, noShow: 0 };
      return { categoryId: k.id, prefix: k.prefix, names: { zh: k.nameZh, en: k.nameEn }, ...c, unserved: c.issued - c.served - c.noShow };
    });
  const total = byCategory.reduce((t, r) => ({ issued: t.issued + r.issued, served: t.served + r.served, noShow: t.noShow + r.noShow, unserved: t.unserved + r.unserved }), {
    issued: 0,
    served: 0,
    noShow: 0,
    unserved: 0,
  });

  const counters = new Map(counterNames(db).map((c) => [c.id, c]));
  const staff = new Map(staffNames(db).map((s) => [s.id, s]));
  const row = <K>(groups: DurationGroups<K>, key: K, label: string, names: TimeRow['names'] = null): TimeRow => ({ key: String(key), label, names, ...groups.stats(key) });
  const counterRows = byCounter
    .keys()
    .sort((a, b) => (counters.get(a)?.number ?? a) - (counters.get(b)?.number ?? b))
    .map((id) => row(byCounter, id, counters.get(id)?.name ?? `#${id}`));
  const clerkRows = byClerk
    .keys()
    .sort((a, b) => (staff.get(a)?.workNo ?? '').localeCompare(staff.get(b)?.workNo ?? '') || a - b)
    .map((id) => {
      const s = staff.get(id);
      return row(byClerk, id, s ? `${s.name} (${s.workNo})` : `#${id}`);
    });
  const utilityRows = byUtility
    .keys()
    .sort(labels.utilityOrder)
    .map((u) => row(byUtility, u, labels.utility(u).zh, labels.utility(u)));

  return {
    byCategory,
    total,
    // Hours only for a day: a month's chart is per day.
    hours: period.from === period.to ? ticketsPerHour(db, period.from, period.to, offsetModifier(new Date(period.startIso), period.timeZone)) : [],
    days,
    times: { overall: row(all, 'all', ''), byCounter: counterRows, byClerk: clerkRows, byUtility: utilityRows },
  };
}
