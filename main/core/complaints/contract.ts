import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, attachmentMimes } from '../../../common/upload-limits.ts';
import { defineMethods } from '../api/method.ts';
import { managers } from '../api/roles.ts';
import { contactPhoneSchema } from '../intake/identity-schemas.ts';
import { daySchema } from '../calendar/working-calendar.ts';
import { complaintChannels, complaintStates, replyMethods } from './rules.ts';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const utilitySchema = z
  .string()
  .trim()
  .regex(/^[a-z][A-Za-z0-9]{1,31}$/, { message: 'field.codeFormat' });

export const complaintChannelSchema = z.enum(complaintChannels);
export const complaintStateSchema = z.enum(complaintStates);
export const replyMethodSchema = z.enum(replyMethods);
export const deadlineStateSchema = z.enum(['ok', 'warning', 'overdue', 'closedOnTime', 'closedLate']);

/** One line of the ledger. The complainant is masked; `complaints/reveal` shows the full values, audited. */
export const complaintListItemSchema = z.object({
  id: z.number().int(),
  channel: complaintChannelSchema,
  externalRef: z.string().nullable(),
  complainant: z.string(),
  phone: z.string().nullable(),
  utility: z.string().nullable(),
  staffId: z.number().int().nullable(),
  staffName: z.string().nullable(),
  caseNumber: z.string().nullable(),
  content: z.string(),
  receivedAt: z.string(),
  receivedDay: z.string(),
  dueDay: z.string(),
  state: complaintStateSchema,
  deadline: deadlineStateSchema,
  sameDayCleared: z.boolean(),
  replyDay: z.string().nullable(),
  closedDay: z.string().nullable(),
  published: z.boolean(),
  attachmentCount: z.number().int(),
});

export const attachmentMetaSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  addedAt: z.string(),
});

export const complaintDetailSchema = complaintListItemSchema.extend({
  investigation: z.string().nullable(),
  investigatedAt: z.string().nullable(),
  measures: z.string().nullable(),
  replyMethod: replyMethodSchema.nullable(),
  replyContent: z.string().nullable(),
  repliedAt: z.string().nullable(),
  accountability: z.string().nullable(),
  closedAt: z.string().nullable(),
  publication: z.string().nullable(),
  publishedAt: z.string().nullable(),
  registeredAt: z.string(),
  nextSteps: z.array(z.enum(['investigate', 'reply', 'close', 'publish'])),
  attachments: z.array(attachmentMetaSchema),
});

export const complaintFiguresSchema = z.object({
  fromDay: z.string(),
  toDay: z.string(),
  opened: z.number().int(),
  closed: z.number().int(),
  sameDayCleared: z.number().int(),
  /** Same-day cleared over opened, 0..1; null when nothing was opened. */
  sameDayRate: z.number().nullable(),
  closedOverdue: z.number().int(),
  openOverdue: z.number().int(),
});

const workingDays = () => z.number().int().min(0).max(60);
export const complaintDeadlinesSchema = z.object({
  // Every channel, in complaintChannels' order; `satisfies` fails the build when one is missing or extra.
  workingDays: z.object({
    window: workingDays(),
    hotline12345: workingDays(),
    hotline12319: workingDays(),
    utilityHotline: workingDays(),
    web: workingDays(),
    letter: workingDays(),
  } satisfies Record<(typeof complaintChannels)[number], z.ZodNumber>),
  warnBeforeWorkingDays: z.number().int().min(0).max(10),
});

const period = z.object({ fromDay: daySchema, toDay: daySchema }).refine((p) => p.fromDay <= p.toDay, { message: 'field.dateRange', path: ['toDay'] });

export const complaintsContract = defineMethods({
  'complaints/list': {
    summary: 'The complaint ledger, newest first, complainants masked; optionally by received days and state.',
    roles: managers,
    input: z.object({
      fromDay: daySchema.optional(),
      toDay: daySchema.optional(),
      state: z.union([complaintStateSchema, z.literal('open')]).optional(),
      limit: z.number().int().min(1).max(100_000).default(100_000),
    }),
    output: z.object({ today: z.string(), complaints: z.array(complaintListItemSchema) }),
  },
  'complaints/get': {
    summary: 'One complaint with its investigation, reply, accountability, publication and attachments (complainant masked).',
    roles: managers,
    input: z.object({ id }),
    output: complaintDetailSchema,
  },
  'complaints/register': {
    summary: 'Registers a complaint; its deadline is counted in working days from the day it was received.',
    roles: managers,
    input: z.object({
      channel: complaintChannelSchema,
      externalRef: z.string().trim().max(60).optional(),
      complainantName: text(60),
      complainantPhone: contactPhoneSchema.optional(),
      utility: utilitySchema.optional(),
      staffId: id.optional(),
      caseNumber: z.string().trim().max(40).optional(),
      content: text(4000),
      receivedAt: z.iso.datetime({ offset: true }),
    }),
    output: complaintDetailSchema,
  },
  'complaints/investigate': {
    summary: 'Records (or amends) the investigation and the measures taken.',
    roles: managers,
    input: z.object({ id, investigation: text(4000), measures: z.string().trim().max(4000).optional() }),
    output: complaintDetailSchema,
  },
  'complaints/reply': {
    summary: 'Records the reply to the complainant: the day, how, and what was said.',
    roles: managers,
    input: z.object({ id, replyDay: daySchema, method: replyMethodSchema, content: text(4000) }),
    output: complaintDetailSchema,
  },
  'complaints/close': {
    summary: 'Closes a replied complaint, with the accountability decided (追责问责).',
    roles: managers,
    input: z.object({ id, accountability: z.string().trim().max(2000).optional() }),
    output: complaintDetailSchema,
  },
  'complaints/publish': {
    summary: 'Records the publication of a closed complaint and its outcome (通报公示).',
    roles: managers,
    input: z.object({ id, publication: text(2000) }),
    output: complaintDetailSchema,
  },
  'complaints/reveal': {
    summary: "The complainant's full name and phone, for a stated reason; audited with who and when.",
    roles: managers,
    input: z.object({ id, reason: z.string().trim().min(2).max(200) }),
    output: z.object({ id: z.number().int(), name: z.string(), phone: z.string().nullable() }),
  },
  'complaints/attach': {
    summary: 'Adds an attachment (letter, photo, recording; at most 700 KB) to a complaint.',
    roles: managers,
    input: z.object({
      id,
      fileName: text(200),
      mime: z.enum(attachmentMimes),
      dataBase64: z
        .string()
        .min(1)
        .max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4),
    }),
    output: attachmentMetaSchema,
  },
  'complaints/attachment': {
    summary: 'Downloads one attachment; every download is audited.',
    roles: managers,
    input: z.object({ attachmentId: id }),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
  },
  'complaints/figures': {
    summary: 'Opened, closed and same-day-cleared (日清日结) complaints over a period of hall days.',
    roles: managers,
    input: period,
    output: complaintFiguresSchema,
  },
  'complaints/deadlines': {
    summary: 'The working days allowed per channel and the warning before the deadline.',
    roles: managers,
    input: z.object({}),
    output: complaintDeadlinesSchema,
  },
  'complaints/setDeadlines': {
    summary: 'Sets the working days allowed per channel; applies to complaints registered afterwards (audited).',
    roles: managers,
    input: complaintDeadlinesSchema,
    output: complaintDeadlinesSchema,
  },
});
