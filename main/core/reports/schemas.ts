import { z } from 'zod';
import { syncFailureReasons } from '../sync/failure-reason.ts';
import { summaryKeys } from '../../../common/summary-keys.ts';

const int = z.number().int();
const names = z.object({ zh: z.string(), en: z.string() });

export const durationStatsSchema = z.object({ count: int, avgSec: z.number().nullable(), p90Sec: z.number().nullable() });

/** Wait and service times of one counter, clerk or utility (or the whole hall, key 'all'). */
export const timeRowSchema = z.object({ key: z.string(), label: z.string(), names: names.nullable(), wait: durationStatsSchema, service: durationStatsSchema });
export type TimeRow = z.output<typeof timeRowSchema>;

export const ticketRowSchema = z.object({
  categoryId: int,
  prefix: z.string(),
  names,
  /** Numbers this category's series gave out, wherever the ticket was then served. */
  issued: int,
  /** Tickets issued in another category and transferred here (served, no-show or unserved here). */
  transferredIn: int,
  /** Tickets issued here and transferred to another category. */
  transferredOut: int,
  served: int,
  noShow: int,
  /** Tickets that ended in this category neither served nor a no-show: never called, or left at a counter. */
  unserved: int,
});

export const queueSectionSchema = z.object({
  byCategory: z.array(ticketRowSchema),
  total: z.object({ issued: int, served: int, noShow: int, unserved: int }),
  hours: z.array(z.object({ hour: int, issued: int, served: int })),
  days: z.array(z.object({ day: z.string(), issued: int, served: int, noShow: int })),
  times: z.object({ overall: timeRowSchema, byCounter: z.array(timeRowSchema), byClerk: z.array(timeRowSchema), byUtility: z.array(timeRowSchema) }),
});
export type QueueSection = z.output<typeof queueSectionSchema>;

export const intakeSectionSchema = z.object({
  applications: int,
  byUtility: z.array(z.object({ utility: z.string(), names, applications: int, matters: int })),
  byBusiness: z.array(z.object({ utility: z.string(), businessCode: z.string(), kind: z.string().nullable(), names, matters: int })),
  deferred: z.object({ due: int, dueSupplied: int, overdueEarlier: int, suppliedInPeriod: int }),
  fees: z.object({ byUtility: z.array(z.object({ utility: z.string(), names, amountFen: int, lines: int, applications: int })), totalFen: int }),
});
export type IntakeSection = z.output<typeof intakeSectionSchema>;

const rateCounts = z.object({
  served: int,
  rated: int,
  unrated: int,
  pending: int,
  ratings: int,
  good: int,
  bad: int,
  completionRate: z.number().nullable(),
  goodRate: z.number().nullable(),
  meetsTarget: z.boolean().nullable(),
});

export const rectificationStateSchema = z.enum(['none', 'open', 'overdue', 'closed']);

export const ratingsSectionSchema = z.object({
  /** 评价完成率 line each clerk must reach. */
  target: z.number(),
  /** Levels 1 非常满意 … 5 非常不满意. */
  byLevel: z.array(z.object({ level: int, count: int })),
  total: rateCounts,
  byClerk: z.array(rateCounts.extend({ key: z.string(), label: z.string() })),
  bad: z.array(
    z.object({
      ratingId: int,
      day: z.string(),
      level: int,
      counter: z.string(),
      clerk: z.string(),
      utilities: z.array(z.string()),
      /** As it stands when the report is made (see generatedAt). */
      rectification: rectificationStateSchema,
      dueDay: z.string().nullable(),
      closedAt: z.string().nullable(),
      verdict: z.string().nullable(),
    }),
  ),
});
export type RatingsSection = z.output<typeof ratingsSectionSchema>;

/** Received, closed, cleared the day received (日清日结), closed after the due day, open and past due at the end. */
export const complaintsSectionSchema = z.object({ opened: int, closed: int, sameDayCleared: int, closedOverdue: int, openOverdue: int });
export type ComplaintsSection = z.output<typeof complaintsSectionSchema>;
/** Tasks open at the end, done (reached) and unreachable in the period; problems found, closed, open past their 3 working days. */
export const followUpsSectionSchema = z.object({ open: int, done: int, unreachable: int, problemsFound: int, problemsClosed: int, problemsOpenOverdue: int });
export type FollowUpsSection = z.output<typeof followUpsSectionSchema>;

export const syncSectionSchema = z.object({
  utilities: z.array(
    z.object({
      utility: z.string(),
      names,
      runs: int,
      succeeded: int,
      failed: int,
      sent: int,
      accepted: int,
      rejected: int,
      lastState: z.string().nullable(),
      lastError: z.string().nullable(),
      lastReason: z.enum(syncFailureReasons).nullable(),
    }),
  ),
  /** Records still waiting to go out, and refused by a utility, now. */
  pendingNow: int,
  rejectedNow: int,
});
export type SyncSection = z.output<typeof syncSectionSchema>;

export const reportSchema = z.object({
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  hallName: z.string().nullable(),
  /** The headline figures (summary.ts), so every screen and file shows the same ones. */
  summary: z.record(z.enum(summaryKeys), z.number().nullable()),
  queue: queueSectionSchema,
  intake: intakeSectionSchema,
  /** Null where the hall's records do not have the section yet. */
  ratings: ratingsSectionSchema.nullable(),
  complaints: complaintsSectionSchema.nullable(),
  followUps: followUpsSectionSchema.nullable(),
  sync: syncSectionSchema.nullable(),
  /** Years the hall needs (this one; the next from 1 November) without a holiday arrangement: deadlines there are provisional. */
  calendarMissingYears: z.array(z.number().int()),
});
export type Report = z.output<typeof reportSchema>;
export const reportSummarySchema = reportSchema.pick({ from: true, to: true, summary: true });
/** A report's period and headline figures only. */
export type ReportSummary = z.output<typeof reportSummarySchema>;

/**
 * The month and, beside it, only the previous month's headline figures: that is all the screen
 * shows of it, and the whole previous report doubled what the hall's event loop had to
 * receive and send (bench hall.busy). The Excel file has both months in full (MonthlyReports).
 */
export const monthlyReportSchema = z.object({
  month: z.string(),
  previousMonth: z.string(),
  current: reportSchema,
  previous: reportSummarySchema,
});
export type MonthlyReport = z.output<typeof monthlyReportSchema>;
/** Both months in full, for the monthly Excel workbook. */
export type MonthlyReports = { month: string; previousMonth: string; current: Report; previous: Report };
