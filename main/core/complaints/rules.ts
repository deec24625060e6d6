import type { ComplaintChannel, ComplaintState } from '../../../db/complaints.ts';
import type { Day } from '../../../common/calendar-day.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { addWorkingDays, deadlineStatus } from '../calendar/working-days.ts';

/**
 * The complaint ledger's rules as pure functions. Seed 000 asks for 登记、调查、处置、回复、
 * 报告、责任追究、通报公示; the ledger keeps them as four states, each step recording its part:
 *
 *   registered ─investigate→ investigating ─reply→ replied ─close→ closed (─publish→ published)
 *
 * Investigation and measures may be amended while investigating, a reply amended before closing,
 * and accountability is recorded when closing. Issues are cleared the same day where possible
 * (日清日结, seed 002): a complaint closed on the day it was received counts as same-day cleared.
 */

export const complaintChannels = ['window', 'hotline12345', 'hotline12319', 'utilityHotline', 'web', 'letter'] as const satisfies readonly ComplaintChannel[];
export const complaintStates = ['registered', 'investigating', 'replied', 'closed'] as const satisfies readonly ComplaintState[];
export const replyMethods = ['phone', 'sms', 'visit', 'inPerson', 'letter', 'platform'] as const;

export type ComplaintStep = 'investigate' | 'reply' | 'close' | 'publish';

const allowedFrom: Record<ComplaintStep, readonly ComplaintState[]> = {
  investigate: ['registered', 'investigating'],
  reply: ['investigating', 'replied'],
  close: ['replied'],
  publish: ['closed'],
};

export const mayTakeStep = (state: ComplaintState, step: ComplaintStep): boolean => allowedFrom[step].includes(state);

/** The state after a step; publishing leaves a complaint closed (published is a mark on it). */
export const stateAfter = (step: ComplaintStep): ComplaintState => (step === 'investigate' ? 'investigating' : step === 'reply' ? 'replied' : 'closed');

/** The steps a complaint in `state` offers, for the screen. */
export const nextSteps = (state: ComplaintState, published: boolean): ComplaintStep[] =>
  (['investigate', 'reply', 'close', 'publish'] as const).filter((step) => mayTakeStep(state, step) && !(step === 'publish' && published));

/**
 * Working days to handle a complaint, per channel. None of the seeds sets a number for
 * complaints (they ask for same-day clearing where possible); the default follows the bad-rating
 * rectification default of 5 working days, and a hall sets its own (a 12345 centre often sets 3).
 */
export type ComplaintDeadlines = { workingDays: Record<ComplaintChannel, number>; warnBeforeWorkingDays: number };

export const defaultComplaintDeadlines: ComplaintDeadlines = {
  workingDays: { window: 5, hotline12345: 5, hotline12319: 5, utilityHotline: 5, web: 5, letter: 5 },
  warnBeforeWorkingDays: 1,
};

export const complaintDueDay = (receivedDay: Day, channel: ComplaintChannel, deadlines: ComplaintDeadlines, calendar: WorkingCalendar): Day =>
  addWorkingDays(receivedDay, deadlines.workingDays[channel], calendar);

/** What the ledger shows beside a complaint: an open one by its deadline, a closed one by when it closed. */
export type ComplaintDeadlineState = 'ok' | 'warning' | 'overdue' | 'closedOnTime' | 'closedLate';

export function complaintDeadlineState(
  c: { state: ComplaintState; dueDay: Day; closedDay: Day | null },
  today: Day,
  warnBeforeWorkingDays: number,
  calendar: WorkingCalendar,
): ComplaintDeadlineState {
  if (c.state === 'closed' && c.closedDay !== null) return c.closedDay > c.dueDay ? 'closedLate' : 'closedOnTime';
  return deadlineStatus(today, c.dueDay, warnBeforeWorkingDays, calendar);
}

export const isSameDayCleared = (c: { receivedDay: Day; closedDay: Day | null }): boolean => c.closedDay !== null && c.closedDay === c.receivedDay;

/** 张三 → 张*, 欧阳小明 → 欧***: enough to tell two complainants apart in a list, not to name one. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}
