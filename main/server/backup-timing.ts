import { isWithinHours } from '../../common/hall-time.ts';

/**
 * When the hall's daily backup may run (issue: counters never stall). A copy reads the whole
 * database and competes with every counter's commit for the disk, so it runs while the hall is
 * closed: outside every active category's hours, a quarter of an hour after the last one closes
 * and until a quarter of an hour before the first one opens. A hall that never closes (a
 * category open all day) or a night the server was off is caught up at the next quiet moment:
 * nobody waiting and nobody at a counter, once there is no copy from yesterday or today. Days
 * are hall days, from the copies' names: the hall's clock, not the files' times.
 */
export type BackupMomentInput = {
  now: Date;
  timeZone: string;
  categories: readonly { active: boolean; opensAt: string; closesAt: string }[];
  /** The hall day now, and the day of the newest scheduled copy (YYYY-MM-DD); undefined: there is none. */
  today: string;
  newestBackupDay: string | undefined;
  /** Nobody waiting, nobody being served. */
  queueIdle: boolean;
};

export type BackupMoment = { run: true; why: 'closed' | 'overdue' } | { run: false; why: 'open' | 'busy' };

const MARGIN_MINUTES = 15;
const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const shift = (time: string, minutes: number): string => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = Math.min(24 * 60, Math.max(0, h * 60 + m + minutes));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

export function backupMoment(input: BackupMomentInput): BackupMoment {
  const open = input.categories.some(
    (c) => c.active && isWithinHours(input.now, input.timeZone, shift(c.opensAt, -MARGIN_MINUTES), shift(c.closesAt, MARGIN_MINUTES)),
  );
  if (!open) return { run: true, why: 'closed' };
  const overdue = input.newestBackupDay === undefined || input.newestBackupDay < dayBefore(input.today);
  if (overdue && input.queueIdle) return { run: true, why: 'overdue' };
  return { run: false, why: overdue ? 'busy' : 'open' };
}
