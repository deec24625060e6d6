import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { anyStaff, managers } from '../api/roles.ts';
import { badRatingReasons, figureGroupings, rectificationVerdicts } from '../../../common/rating-levels.ts';

const id = z.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.dayFormat' });
export const levelSchema = z.number().int().min(1).max(5);
export const stageSchema = z.enum(['intake', 'completed']);
export const reasonSchema = z.enum(badRatingReasons);
export const verdictSchema = z.enum(rectificationVerdicts);
export const deviceHealthSchema = z.enum(['connected', 'disconnected', 'no_answer', 'not_driven']);
const comment = z.string().trim().max(200);
const receiptToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** What the customer sees while invited to rate: the clerk who served them and the window. No customer data. */
export const invitationSchema = z.object({
  ratingId: z.number().int(),
  counterId: z.number().int(),
  counterNumber: z.number().int(),
  counterName: z.string(),
  /** photo: a data URL the customer's screen shows beside the name (null: the initial instead). */
  staff: z.object({ workNo: z.string(), name: z.string(), photo: z.string().nullable() }),
  invitedAt: z.string(),
  expiresAt: z.string(),
  timeoutSeconds: z.number().int(),
  /** Paired rating screens at the counter; each screen shows only its own counter's. */
  deviceIds: z.array(z.number().int()),
});
export type Invitation = z.output<typeof invitationSchema>;

export const rateResultSchema = z.object({
  ratingId: z.number().int(),
  level: levelSchema,
  /** A bad rating: the screen offers the reasons to pick. */
  askReasons: z.boolean(),
  rectificationId: z.number().int().nullable(),
});
export type RateResult = z.output<typeof rateResultSchema>;

export const figureRowSchema = z.object({
  key: z.string(),
  /** Invitations at the window (each finished service opens one). */
  served: z.number().int(),
  rated: z.number().int(),
  unrated: z.number().int(),
  pending: z.number().int(),
  /** Ratings of any stage, the receipt's QR code included. */
  ratings: z.number().int(),
  good: z.number().int(),
  bad: z.number().int(),
  /** Ratings from a keyboard-mode keypad, counted apart: a channel the clerk's own keyboard could fake. */
  keyboard: z.number().int(),
  /** Ratings given within a second of their invitation. */
  quick: z.number().int(),
  flags: z.array(z.enum(['quickRatings', 'keyboardAllTop'])),
  /** rated / served, 0..1; null when nobody was served. */
  completionRate: z.number().nullable(),
  goodRate: z.number().nullable(),
  unratedRate: z.number().nullable(),
  meetsTarget: z.boolean().nullable(),
});
export type FigureRowView = z.output<typeof figureRowSchema>;

export const figuresSchema = z.object({
  from: day,
  to: day,
  groupBy: z.enum(figureGroupings),
  target: z.number(),
  rows: z.array(figureRowSchema.extend({ label: z.string() })),
  total: figureRowSchema,
});
export type Figures = z.output<typeof figuresSchema>;

export const rectificationSchema = z.object({
  id: z.number().int(),
  ratingId: z.number().int(),
  level: levelSchema,
  ratingDay: z.string(),
  ratedAt: z.string(),
  channel: z.string(),
  counterNumber: z.number().int().nullable(),
  staffName: z.string().nullable(),
  utilities: z.array(z.string()),
  caseNumbers: z.array(z.string()),
  reasons: z.array(z.string()),
  comment: z.string().nullable(),
  openedAt: z.string(),
  dueDay: z.string(),
  assigneeStaffId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  assignedAt: z.string().nullable(),
  callAt: z.string().nullable(),
  callNotes: z.string().nullable(),
  measures: z.string().nullable(),
  measuresAt: z.string().nullable(),
  verdict: verdictSchema.nullable(),
  verdictAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Open past its due day, or closed after it. */
  overdue: z.boolean(),
  workingDaysLeft: z.number().int().nullable(),
});
export type RectificationView = z.output<typeof rectificationSchema>;

export const ratingSettingsSchema = z.object({
  inviteTimeoutSeconds: z.number().int().min(5).max(255),
  rectificationWorkingDays: z.number().int().min(1).max(30),
});
export type RatingSettings = z.output<typeof ratingSettingsSchema>;

export const counterDeviceSchema = z.object({
  counterId: z.number().int(),
  counterNumber: z.number().int(),
  /** What the manager stored; the command line may override it. */
  setting: z.object({ profile: z.string(), path: z.string().nullable(), baudRate: z.number().int().nullable(), address: z.number().int() }).nullable(),
  /** What the hall runs, as the process driving the devices reported it. */
  effective: z
    .object({
      profile: z.string(),
      transport: z.enum(['serial', 'hid', 'keyboard', 'screen', 'unknown']),
      description: z.string(),
      source: z.enum(['manager', 'command_line']),
      health: deviceHealthSchema,
      since: z.string(),
      error: z.string().nullable(),
    })
    .nullable(),
  /** For a keyboard keypad: the keys the counter's window listens for while a rating is invited. */
  keyboard: z.array(z.object({ code: z.string().nullable(), eventKey: z.string().nullable(), key: z.number().int() })).nullable(),
});
export type CounterDeviceView = z.output<typeof counterDeviceSchema>;

export const receiptMatterSchema = z.object({
  caseNumber: z.string(),
  utility: z.string(),
  businessCode: z.string(),
  /** Per stage: rated already, open to rate, or not yet possible (the utility has not completed the work). */
  intake: z.enum(['rated', 'open']),
  completed: z.enum(['rated', 'open', 'notYet']),
});
export type ReceiptMatter = z.output<typeof receiptMatterSchema>;

export const ratingsContract = defineMethods({
  'ratings/current': {
    summary: "The invitation open at a counter (a rating screen: its own counter's), with the clerk to show; null when none.",
    roles: ['rate', ...anyStaff],
    input: z.object({ counterId: id.optional() }),
    output: invitationSchema.nullable(),
  },
  'ratings/screenIdle': {
    summary:
      'What a customer screen shows between customers (亮证亮照): its counter and the clerk holding it, with the photo; counter null when the screen is bound to no counter.',
    roles: ['rate'],
    input: z.object({}),
    output: z.object({
      counter: z.object({ id: z.number().int(), number: z.number().int(), name: z.string() }).nullable(),
      staff: z.object({ workNo: z.string(), name: z.string(), photo: z.string().nullable() }).nullable(),
    }),
  },
  'ratings/rate': {
    summary: 'The customer-facing screen sends the level (1 非常满意 … 5 非常不满意) for the open invitation.',
    roles: ['rate'],
    input: z.object({ ratingId: id, level: levelSchema }),
    output: rateResultSchema,
  },
  'ratings/keypad': {
    summary:
      "A keyboard-mode keypad's key at the counter's window, while a rating is invited; from the window's paired rating device only, never a staff session.",
    roles: ['rate'],
    input: z.object({ counterId: id, ratingId: id, code: z.string().max(40), key: z.string().max(40) }),
    output: rateResultSchema,
  },
  'ratings/addReasons': {
    summary: 'The reasons the customer picked for a bad rating, and an optional comment (no personal data asked).',
    roles: ['rate'],
    input: z.object({ ratingId: id, reasons: z.array(reasonSchema).min(1).max(badRatingReasons.length), comment: comment.optional() }),
    output: z.object({}),
  },
  'ratings/receipt': {
    summary: "The receipt's QR code: the case numbers of an application and which stages may still be rated (no personal data).",
    roles: ['public'],
    input: z.object({ token: receiptToken }),
    output: z.object({ submittedDay: z.string(), counterNumber: z.number().int().nullable(), matters: z.array(receiptMatterSchema) }),
  },
  'ratings/rateReceipt': {
    summary: "A later rating from the receipt's QR code: one per case number and stage.",
    roles: ['public'],
    input: z.object({
      token: receiptToken,
      stage: stageSchema,
      level: levelSchema,
      reasons: z.array(reasonSchema).max(badRatingReasons.length).default([]),
      comment: comment.optional(),
    }),
    output: rateResultSchema,
  },
  'ratings/figures': {
    summary: 'Completion rate (target 90%), 好评率, bad ratings and unrated rate per clerk, window, utility, day or month; a clerk sees only their own.',
    roles: anyStaff,
    input: z.object({ from: day, to: day, groupBy: z.enum(figureGroupings), staffId: id.optional() }),
    output: figuresSchema,
  },
  'ratings/rectifications': {
    summary: 'Rectification tasks of bad ratings: open ones by due day, overdue flagged, then those closed in the last 90 days.',
    roles: managers,
    input: z.object({}),
    output: z.array(rectificationSchema),
  },
  'ratings/assign': {
    summary: 'The manager assigns a rectification task to a staff member.',
    roles: managers,
    input: z.object({ id, staffId: id }),
    output: rectificationSchema,
  },
  'ratings/recordCall': {
    summary: 'Records the follow-up call (回访) of a rectification task.',
    roles: managers,
    input: z.object({ id, notes: z.string().trim().min(1).max(1000) }),
    output: rectificationSchema,
  },
  'ratings/recordMeasures': {
    summary: 'Records the measures taken.',
    roles: managers,
    input: z.object({ id, measures: z.string().trim().min(1).max(1000) }),
    output: rectificationSchema,
  },
  'ratings/recordVerdict': {
    summary: "Records the customer's verdict on the fix and closes the task (measures first).",
    roles: managers,
    input: z.object({ id, verdict: verdictSchema }),
    output: rectificationSchema,
  },
  'ratings/settings': {
    summary: 'The invitation timeout and the rectification deadline in working days.',
    roles: anyStaff,
    input: z.object({}),
    output: ratingSettingsSchema,
  },
  'ratings/setSettings': {
    summary: 'Sets the invitation timeout and the rectification deadline (default 5 working days).',
    roles: managers,
    input: ratingSettingsSchema,
    output: ratingSettingsSchema,
  },
  'ratings/devices': {
    summary: "Each counter's rating device: the manager's setting, what runs (command line included) and its health; a clerk sees every counter's health.",
    roles: anyStaff,
    input: z.object({}),
    output: z.object({
      counters: z.array(counterDeviceSchema),
      profiles: z.array(z.object({ name: z.string(), transport: z.string(), description: z.string() })),
    }),
  },
  'ratings/setDevice': {
    summary: "Sets a counter's rating device (profile, port path, baud, address); null removes it. The hall reopens its devices.",
    roles: managers,
    input: z.object({
      counterId: id,
      device: z
        .object({
          profile: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'field.ratingProfile' }),
          path: z.string().trim().min(1).max(200).nullable().default(null),
          baudRate: z.number().int().min(300).max(921_600).nullable().default(null),
          address: z.number().int().min(0).max(255).default(1),
        })
        .nullable(),
    }),
    output: counterDeviceSchema,
  },
});
