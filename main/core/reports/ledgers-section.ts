import { countComplaints } from '../../../db/complaints.ts';
import type { ReadDb } from '../../../db/connection.ts';
import { countFollowUps } from '../../../db/followups.ts';
import { hasTable } from '../../../db/report-ledgers.ts';
import type { Period } from './period.ts';
import type { ComplaintsSection, FollowUpsSection } from './schemas.ts';

/**
 * Complaints received, closed, cleared the same day (日清日结) and overdue over the period,
 * counted as the complaint ledger counts them (db/complaints.ts). Null on a database from
 * before the ledgers (migration 0006).
 */
export function complaintsSection(db: ReadDb, period: Period): ComplaintsSection | null {
  return hasTable(db, 'complaints') ? countComplaints(db, period.from, period.to) : null;
}

/** Follow-ups open at the period's end and done in it, and their problems (逐条销号), as the follow-up ledger counts them. */
export function followUpsSection(db: ReadDb, period: Period): FollowUpsSection | null {
  if (!hasTable(db, 'follow_up_tasks')) return null;
  const c = countFollowUps(db, period.from, period.to, period.endIso);
  return {
    open: c.tasksOpen,
    done: c.tasksDone,
    unreachable: c.tasksUnreachable,
    problemsFound: c.problemsFound,
    problemsClosed: c.problemsClosed,
    problemsOpenOverdue: c.problemsOpenOverdue,
  };
}
