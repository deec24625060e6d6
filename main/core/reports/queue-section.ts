import type { Db } from '../../../db/connection.ts';
import type { MatterRow } from '../../../db/report-intake.ts';
import { categoryNames, counterNames, staffNames, ticketTimes, ticketsPerHour } from '../../../db/report-queue.ts';
import { addDays } from '../intake/calendar-day.ts';
import { DurationGroups } from './durations.ts';
import { offsetModifier, type Period } from './period.ts';
import type { QueueSection, TimeRow } from './schemas.ts';
import type { Labels } from './labels.ts';

/**
 * Tickets issued, served and no-show per category, the hall's hours, and wait and service
 * times per counter, clerk and utility (a ticket whose application concerned two utilities
 * counts for both).
 */
export function queueSection(db: Db, period: Period, labels: Labels, matters: readonly MatterRow[]): QueueSection {
  const utilitiesOf = new Map<number, string[]>();
  for (const [, ticketId, , utility] of matters) {
    if (ticketId === null) continue;
    const list = utilitiesOf.get(ticketId);
    if (!list) utilitiesOf.set(ticketId, [utility]);
    else if (!list.includes(utility)) list.push(utility);
  }

  const perCategory = new Map<number, { issued: number; served: number; noShow: number }>();
  const all = new DurationGroups<'all'>();
  const byCounter = new DurationGroups<number>();
  const byClerk = new DurationGroups<number>();
  const byUtility = new DurationGroups<string>();
  const days: QueueSection['days'] = [];
  // Day by day: each read is one range of the tickets_day index, and the per-day counts of
  // the monthly chart come with it instead of from a second pass over the month.
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    const count = { day, issued: 0, served: 0, noShow: 0 };
    for (const [id, categoryId, outcome, counterId, staffId, waitMs, serviceMs] of ticketTimes(db, day, day)) {
      let c = perCategory.get(categoryId);
      if (!c) perCategory.set(categoryId, (c = { issued: 0, served: 0, noShow: 0 }));
      c.issued += 1;
      count.issued += 1;
      if (outcome === 2) {
        c.noShow += 1;
        count.noShow += 1;
      }
      if (outcome !== 1) continue;
      c.served += 1;
      count.served += 1;
      all.add('all', waitMs, serviceMs);
      if (counterId !== null) byCounter.add(counterId, waitMs, serviceMs);
      if (staffId !== null) byClerk.add(staffId, waitMs, serviceMs);
      const utilities = utilitiesOf.get(id);
      if (utilities) for (const utility of utilities) byUtility.add(utility, waitMs, serviceMs);
    }
    if (count.issued > 0) days.push(count);
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
