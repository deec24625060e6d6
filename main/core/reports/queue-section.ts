import type { ReadDb } from '../../../db/connection.ts';
import type { KeptDayTimes } from '../../../db/report-day-times.ts';
import { categoryNames, counterNames, staffNames, ticketCounts, ticketsPerHour, transferCounts } from '../../../db/report-queue.ts';
import { addDays } from '../../../common/calendar-day.ts';
import { dayTimes } from './day-times.ts';
import { DurationGroups } from './durations.ts';
import { offsetModifier, type Period } from './period.ts';
import type { QueueSection, TimeRow } from './schemas.ts';
import type { Labels } from './labels.ts';

type CategoryCounts = { here: number; served: number; noShow: number; transferredIn: number; transferredOut: number };

/**
 * Tickets per category, the hall's hours, and wait and service times per counter, clerk and
 * utility (a ticket whose application concerned two utilities counts for both). A ticket
 * transferred to another category counts as issued in the category it was issued in (the
 * kiosk's number series), and as transferred in — then served, a no-show or unserved — in the
 * category it ended in: so each category's issued figure matches its numbers, and the totals
 * count every ticket once.
 */
export function queueSection(db: ReadDb, period: Period, labels: Labels, today: string, builtAt: string, keep: (kept: KeptDayTimes) => void): QueueSection {
  const perCategory = new Map<number, CategoryCounts>();
  const countsOf = (categoryId: number): CategoryCounts => {
    let c = perCategory.get(categoryId);
    if (!c) perCategory.set(categoryId, (c = { here: 0, served: 0, noShow: 0, transferredIn: 0, transferredOut: 0 }));
    return c;
  };
  const perDay = new Map<string, QueueSection['days'][number]>();
  // Counted in SQL as it walks the day index: no row per ticket crosses into JavaScript.
  for (const [day, categoryId, status, n] of ticketCounts(db, period.from, period.to)) {
    const c = countsOf(categoryId);
    let d = perDay.get(day);
    if (!d) perDay.set(day, (d = { day, issued: 0, served: 0, noShow: 0 }));
    c.here += n;
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
  for (const [, issuedCategoryId, categoryId, n] of transferCounts(db, period.from, period.to)) {
    countsOf(issuedCategoryId).transferredOut += n;
    countsOf(categoryId).transferredIn += n;
  }

  const all = new DurationGroups<'all'>();
  const byCounter = new DurationGroups<number>();
  const byClerk = new DurationGroups<number>();
  const byUtility = new DurationGroups<string>();
  // Day by day, each closed day's times kept from its first report (day-times.ts): a month
  // reads thirty of them instead of half a million tickets.
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    const { groups, samples } = dayTimes(db, day, today, builtAt, keep);
    let offset = 0;
    for (const [kind, key, waits, services] of groups) {
      const target =
        kind === 'all'
          ? all.group('all')
          : kind === 'counter'
            ? byCounter.group(Number(key))
            : kind === 'clerk'
              ? byClerk.group(Number(key))
              : byUtility.group(String(key));
      target.addAll(samples.subarray(offset, offset + waits), samples.subarray(offset + waits, offset + waits + services));
      offset += waits + services;
    }
  }

  const categories = categoryNames(db);
  const byCategory = categories
    .filter((k) => perCategory.has(k.id))
    .map((k) => {
      const c = perCategory.get(k.id) ?? { here: 0, served: 0, noShow: 0, transferredIn: 0, transferredOut: 0 };
      return {
        categoryId: k.id,
        prefix: k.prefix,
        names: { zh: k.nameZh, en: k.nameEn },
        issued: c.here - c.transferredIn + c.transferredOut,
        transferredIn: c.transferredIn,
        transferredOut: c.transferredOut,
        served: c.served,
        noShow: c.noShow,
        // Of the tickets that ended in this category, those neither served nor a no-show.
        unserved: c.here - c.served - c.noShow,
      };
    });
  const total = byCategory.reduce(
    (t, r) => ({ issued: t.issued + r.issued, served: t.served + r.served, noShow: t.noShow + r.noShow, unserved: t.unserved + r.unserved }),
    {
      issued: 0,
      served: 0,
      noShow: 0,
      unserved: 0,
    },
  );

  const counters = new Map(counterNames(db).map((c) => [c.id, c]));
  const staff = new Map(staffNames(db).map((s) => [s.id, s]));
  const row = <K>(groups: DurationGroups<K>, key: K, label: string, names: TimeRow['names'] = null): TimeRow => ({
    key: String(key),
    label,
    names,
    ...groups.stats(key),
  });
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
