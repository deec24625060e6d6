import type { Db } from '../../../db/connection.ts';
import { getSetting, setSetting } from '../../../db/settings.ts';
import { complaintChannels, type ComplaintDeadlines, defaultComplaintDeadlines } from './rules.ts';
import { z } from 'zod';

const KEY = 'complaints.deadlines';
// What the hall saved, checked; channels and fields it never saved keep their default.
const savedDeadlines = z.object({
  workingDays: z.partialRecord(z.enum(complaintChannels), z.number()).optional(),
  warnBeforeWorkingDays: z.number().optional(),
});

/** The hall's complaint deadlines; channels it never set keep the default. */
export function readComplaintDeadlines(db: Db): ComplaintDeadlines {
  const raw = getSetting(db, KEY);
  if (!raw) return defaultComplaintDeadlines;
  const saved = savedDeadlines.parse(JSON.parse(raw));
  return {
    workingDays: { ...defaultComplaintDeadlines.workingDays, ...saved.workingDays },
    warnBeforeWorkingDays: saved.warnBeforeWorkingDays ?? defaultComplaintDeadlines.warnBeforeWorkingDays,
  };
}

export function writeComplaintDeadlines(db: Db, deadlines: ComplaintDeadlines): void {
  setSetting(db, KEY, JSON.stringify(deadlines));
}
