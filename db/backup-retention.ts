/**
 * Which backups to keep. Scheduled (daily) copies and those a manager makes by hand are kept
 * apart, so no number of clicks can push the hall's history out: the daily ones keep the last
 * `daily` days, then one a week for `weekly` weeks and one a month for `monthly` months; hand-made
 * ones keep their own newest `keep`.
 */
export type ScheduledRetention = { kind: 'scheduled'; daily: number; weekly: number; monthly: number };
export type ManualRetention = { kind: 'manual'; keep: number };
export type Retention = ScheduledRetention | ManualRetention;

export const DEFAULT_SCHEDULED: ScheduledRetention = { kind: 'scheduled', daily: 14, weekly: 8, monthly: 12 };
export const DEFAULT_MANUAL: ManualRetention = { kind: 'manual', keep: 10 };

// Plain copies and encrypted ones (`.db.enc`, db/backup-cipher.ts) count alike: a hall that set a
// backup password keeps pruning the plain copies it made before.
const SCHEDULED = /^onewindow-(\d{4}-\d{2}-\d{2})\.db(?:\.enc)?$/;

/** A scheduled backup's day, or undefined for one made by hand. */
export const scheduledDay = (name: string): string | undefined => SCHEDULED.exec(name)?.[1];

/** The Monday of a day's week, as YYYY-MM-DD: the week a weekly copy stands for. */
function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** The files of `names` (all backups in the folder) that the retention of its kind removes. */
export function backupsToRemove(names: readonly string[], retention: Retention): string[] {
  if (retention.kind === 'manual') {
    const manual = names
      .filter((n) => scheduledDay(n) === undefined)
      .sort()
      .reverse();
    return manual.slice(retention.keep);
  }
  const days = [...new Set(names.flatMap((n) => scheduledDay(n) ?? []))].sort().reverse();
  const keep = new Set(days.slice(0, retention.daily));
  // The newest copy of each of the latest weeks and months stays as that week's and month's.
  const newestPer = (key: (day: string) => string, count: number) => {
    const seen = new Set<string>();
    for (const day of days) {
      const k = key(day);
      if (seen.has(k)) continue;
      seen.add(k);
      if (seen.size > count) break;
      keep.add(day);
    }
  };
  newestPer(weekOf, retention.weekly);
  newestPer((day) => day.slice(0, 7), retention.monthly);
  return names.filter((n) => {
    const day = scheduledDay(n);
    return day !== undefined && !keep.has(day);
  });
}
