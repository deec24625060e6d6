import { z } from 'zod';
import { defineMethods } from '../api/method.ts';
import { managers } from '../api/roles.ts';
import { businessKinds } from '../catalogue/catalogue.ts';
import { daySchema } from '../calendar/working-calendar.ts';
import { periodSchema } from './period.ts';

const id = z.number().int().positive();
const customerKindSchema = z.enum(['person', 'enterprise']);
const deadlineStateSchema = z.enum(['ok', 'warning', 'overdue', 'closedOnTime', 'closedLate']);

export const followUpRuleSchema = z.object({
  id: z.number().int(),
  utility: z.string().nullable(),
  customerKind: customerKindSchema.nullable(),
  businessKind: z.string().nullable(),
  percent: z.number().int(),
  active: z.boolean(),
  source: z.string(),
  updatedAt: z.string(),
});

export const followUpProblemSchema = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  period: z.string(),
  utility: z.string(),
  description: z.string(),
  foundDay: z.string(),
  dueDay: z.string(),
  closedDay: z.string().nullable(),
  resolution: z.string().nullable(),
  deadline: deadlineStateSchema,
});

/** A task as the ledger lists it: the customer masked (customers/reveal shows the number to call, audited). */
export const followUpTaskSchema = z.object({
  id: z.number().int(),
  period: z.string(),
  workOrderId: z.number().int(),
  applicationId: z.number().int(),
  utility: z.string(),
  customerId: z.number().int(),
  customerKind: customerKindSchema,
  customer: z.string(),
  phone: z.string().nullable(),
  caseNumbers: z.array(z.string()),
  businessCodes: z.array(z.string()),
  applicationDay: z.string(),
  ruleIds: z.array(z.number().int()),
  state: z.enum(['open', 'done', 'unreachable']),
  method: z.enum(['phone', 'visit']).nullable(),
  satisfaction: z.number().int().nullable(),
  notes: z.string().nullable(),
  doneDay: z.string().nullable(),
  openProblems: z.number().int(),
});

export const ruleCoverageSchema = z.object({
  ruleId: z.number().int(),
  active: z.boolean(),
  population: z.number().int(),
  required: z.number().int(),
  tasked: z.number().int(),
  done: z.number().int(),
  unreachable: z.number().int(),
  coverage: z.number().nullable(),
  met: z.boolean(),
});

const ruleInput = z.object({
  id: id.optional(),
  utility: z
    .string()
    .trim()
    .regex(/^[a-z][A-Za-z0-9]{1,31}$/, { message: 'field.codeFormat' })
    .nullable(),
  customerKind: customerKindSchema.nullable(),
  businessKind: z.enum(businessKinds).nullable(),
  percent: z.number().int().min(1).max(100),
  active: z.boolean(),
});

export const followupsContract = defineMethods({
  'followups/rules': {
    summary: 'The sampling rules: which share of each month’s work orders is followed up, per utility, customer kind and business kind.',
    roles: managers,
    input: z.object({}),
    output: z.array(followUpRuleSchema),
  },
  'followups/saveRule': {
    summary: 'Adds or changes a sampling rule (audited); applies to months generated afterwards.',
    roles: managers,
    input: ruleInput,
    output: followUpRuleSchema,
  },
  'followups/generate': {
    summary: 'Generates the month’s follow-up tasks from its applications under the active rules (deterministic; adds only what is missing).',
    roles: managers,
    input: z.object({ period: periodSchema }),
    output: z.object({ period: z.string(), created: z.number().int(), total: z.number().int() }),
  },
  'followups/month': {
    summary: 'A month’s tasks (customers masked), its problems and any still open from before, and the coverage of each rule.',
    roles: managers,
    input: z.object({ period: periodSchema }),
    output: z.object({
      period: z.string(),
      today: z.string(),
      tasks: z.array(followUpTaskSchema),
      problems: z.array(followUpProblemSchema),
      coverage: z.array(ruleCoverageSchema),
    }),
  },
  'followups/record': {
    summary: 'Records a follow-up: by phone or visit, reached or not, satisfaction, notes and the problems found (each due in 3 working days).',
    roles: managers,
    input: z
      .object({
        taskId: id,
        method: z.enum(['phone', 'visit']),
        reached: z.boolean(),
        satisfaction: z.number().int().min(1).max(5).optional(),
        notes: z.string().trim().max(2000).optional(),
        problems: z.array(z.string().trim().min(1).max(1000)).max(20).default([]),
      })
      .refine((r) => !r.reached || r.satisfaction !== undefined, { message: 'field.satisfactionRequired', path: ['satisfaction'] }),
    output: followUpTaskSchema,
  },
  'followups/addProblem': {
    summary: 'Adds a problem found on a follow-up; it is due 3 working days after today.',
    roles: managers,
    input: z.object({ taskId: id, description: z.string().trim().min(1).max(1000) }),
    output: followUpProblemSchema,
  },
  'followups/closeProblem': {
    summary: 'Closes one problem with what was done (逐条销号).',
    roles: managers,
    input: z.object({ problemId: id, resolution: z.string().trim().min(1).max(2000) }),
    output: followUpProblemSchema,
  },
  'followups/figures': {
    summary: 'Follow-ups done, problems found, due, closed and overdue over a period of hall days.',
    roles: managers,
    input: z.object({ fromDay: daySchema, toDay: daySchema }).refine((p) => p.fromDay <= p.toDay, { message: 'field.dateRange', path: ['toDay'] }),
    output: z.object({
      fromDay: z.string(),
      toDay: z.string(),
      tasksDone: z.number().int(),
      tasksUnreachable: z.number().int(),
      tasksOpen: z.number().int(),
      problemsFound: z.number().int(),
      problemsDue: z.number().int(),
      problemsClosed: z.number().int(),
      problemsClosedLate: z.number().int(),
      problemsOpenOverdue: z.number().int(),
    }),
  },
});
