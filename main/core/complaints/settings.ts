import type { Db } from '../../../db/connection.ts';
import { getSetting, setSetting } from '../../../db/settings.ts';
import { type ComplaintDeadlines, defaultComplaintDeadlines } from './rules.ts';

const KEY = 'complaints.deadlines';

/** The hall's complaint deadlines; channels it never set keep the default. */
export function readComplaintDeadlines(db: Db): ComplaintDeadlines {
  const raw = getSetting(db, KEY);
  if (!raw) return defaultComplaintDeadlines;
  const saved = JSON.parse(raw) as Partial<ComplaintDeadlines>;
  return {
    workingDays: { ...defaultComplaintDeadlines.workingDays, ...saved.workingDays },
    warnBeforeWorkingDays: saved.warnBeforeWorkingDays ?? defaultComplaintDeadlines.warnBeforeWorkingDays,
  };
}

export function writeComplaintDeadlines(db: Db, deadlines: ComplaintDeadlines): void {
  setSetting(db, KEY, JSON.stringify(deadlines));
}
