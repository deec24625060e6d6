import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import {
  closeProblem,
  type FollowUpTaskRow,
  getProblem,
  getRule,
  getTask,
  insertProblem,
  insertRule,
  listProblems,
  listProblemsOfTask,
  listRules,
  listTasks,
  type ProblemRow,
  recordTaskResult,
  updateRule,
} from '../../../db/followups.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import { complaintDeadlineState, maskName } from '../complaints/rules.ts';
import type { CoreDeps } from '../deps.ts';
import type { Day } from '../../../common/calendar-day.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { hallToday } from '../hall/hall-today.ts';
import { staffIdOf } from '../api/caller.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { maskPhone } from '../privacy/mask.ts';
import type { followupsContract } from './contract.ts';
import { followUpFigures } from './figures.ts';
import { generateTasks, monthCandidates, ruleCoverage } from './generate.ts';
import { enqueueFollowUp } from './sync.ts';

/** Problems found on a follow-up are closed item by item within 3 working days (seed 004). */
export const PROBLEM_WORKING_DAYS = 3;
const WARN_BEFORE_WORKING_DAYS = 1;

const problemView = (p: ProblemRow & { utility: string; period: string }, today: Day, calendar: WorkingCalendar) => ({
  id: p.id,
  taskId: p.taskId,
  period: p.period,
  utility: p.utility,
  description: p.description,
  foundDay: p.foundDay,
  dueDay: p.dueDay,
  closedDay: p.closedDay,
  resolution: p.resolution,
  deadline: complaintDeadlineState(
    { state: p.closedDay === null ? 'investigating' : 'closed', dueDay: p.dueDay, closedDay: p.closedDay },
    today,
    WARN_BEFORE_WORKING_DAYS,
    calendar,
  ),
});

const taskView = (t: FollowUpTaskRow, openProblems: number) => ({
  id: t.id,
  period: t.period,
  workOrderId: t.workOrderId,
  applicationId: t.applicationId,
  utility: t.utility,
  customerId: t.customerId,
  customerKind: t.customerKind,
  customer: maskName(t.customerName),
  phone: maskPhone(t.customerPhone),
  caseNumbers: t.caseNumbers,
  businessCodes: t.businessCodes,
  applicationDay: t.applicationDay,
  ruleIds: t.ruleIds,
  state: t.state,
  method: t.method,
  satisfaction: t.satisfaction,
  notes: t.notes,
  doneDay: t.doneDay,
  openProblems,
});

export function followupsHandlers(deps: CoreDeps): HandlersFor<typeof followupsContract> {
  const { db, clock, events } = deps;
  const changed = (reason: string) => events.emit('followups/changed', { reason }, ['manager', 'admin']);
  const existingTask = (id: number) => getTask(db, id) ?? fail('not_found', 'errors.ledgers.followUpNotFound');
  const openCount = (taskId: number) => listProblemsOfTask(db, taskId).filter((p) => p.closedAt === null).length;
  const problemOf = (id: number) => {
    const p = getProblem(db, id) ?? fail('not_found', 'errors.ledgers.problemNotFound');
    const task = existingTask(p.taskId);
    return { ...p, utility: task.utility, period: task.period };
  };

  return {
    'followups/rules': () => listRules(db),

    'followups/saveRule'(input, { caller }) {
      const rule = inTransaction(db, () => {
        const now = clock.now().toISOString();
        const before = input.id === undefined ? undefined : (getRule(db, input.id) ?? fail('not_found', 'errors.ledgers.ruleNotFound'));
        const fields = {
          utility: input.utility,
          customerKind: input.customerKind,
          businessKind: input.businessKind,
          percent: input.percent,
          active: input.active,
        };
        const id = input.id ?? insertRule(db, fields, now);
        if (input.id !== undefined) updateRule(db, id, fields, now);
        const after = getRule(db, id) ?? fail('not_found', 'errors.ledgers.ruleNotFound');
        auditChange(deps, caller, { at: now, action: before ? 'followups.updateRule' : 'followups.createRule', target: `followUpRule:${id}`, before, after });
        return after;
      });
      changed('rule');
      return rule;
    },

    'followups/generate'({ period }, { caller }) {
      const result = inTransaction(db, () => {
        const now = clock.now().toISOString();
        const outcome = generateTasks(db, period, now);
        auditChange(deps, caller, { at: now, action: 'followups.generate', target: `followUpPeriod:${period}`, after: outcome });
        return outcome;
      });
      changed('generate');
      return { period, ...result };
    },

    'followups/month'({ period }) {
      const today = hallToday(deps);
      const calendar = loadCalendar(db);
      const tasks = listTasks(db, period);
      const problems = listProblems(db, period);
      const openByTask = new Map<number, number>();
      for (const p of problems) if (p.closedAt === null) openByTask.set(p.taskId, (openByTask.get(p.taskId) ?? 0) + 1);
      return {
        period,
        today,
        tasks: tasks.map((t) => taskView(t, openByTask.get(t.id) ?? 0)),
        problems: problems.map((p) => problemView(p, today, calendar)),
        coverage: ruleCoverage(listRules(db), monthCandidates(db, period), tasks),
      };
    },

    'followups/record'({ taskId, method, reached, satisfaction, notes, problems }, { caller }) {
      const task = inTransaction(db, () => {
        const before = existingTask(taskId);
        if (before.state !== 'open') fail('conflict', 'errors.ledgers.followUpDone');
        const now = clock.now().toISOString();
        const today = hallToday(deps);
        const calendar = loadCalendar(db);
        recordTaskResult(db, taskId, {
          state: reached ? 'done' : 'unreachable',
          method,
          satisfaction: reached ? (satisfaction ?? null) : null,
          notes: notes || null,
          doneAt: now,
          doneDay: today,
          doneBy: staffIdOf(caller),
        });
        for (const description of problems)
          insertProblem(db, { taskId, description, foundDay: today, dueDay: addWorkingDays(today, PROBLEM_WORKING_DAYS, calendar) });
        const after = existingTask(taskId);
        auditChange(deps, caller, {
          at: now,
          action: 'followups.record',
          target: `followUp:${taskId}`,
          before: auditable(before),
          after: { ...auditable(after), problems },
        });
        enqueueFollowUp(db, after, now);
        return after;
      });
      changed('record');
      return taskView(task, openCount(taskId));
    },

    'followups/addProblem'({ taskId, description }, { caller }) {
      const problem = inTransaction(db, () => {
        const task = existingTask(taskId);
        const now = clock.now().toISOString();
        const today = hallToday(deps);
        const id = insertProblem(db, { taskId, description, foundDay: today, dueDay: addWorkingDays(today, PROBLEM_WORKING_DAYS, loadCalendar(db)) });
        const created = problemOf(id);
        auditChange(deps, caller, { at: now, action: 'followups.addProblem', target: `followUp:${taskId}`, after: created });
        enqueueFollowUp(db, task, now);
        return created;
      });
      changed('problem');
      return problemView(problem, hallToday(deps), loadCalendar(db));
    },

    'followups/closeProblem'({ problemId, resolution }, { caller }) {
      const problem = inTransaction(db, () => {
        const before = problemOf(problemId);
        if (before.closedAt !== null) fail('conflict', 'errors.ledgers.problemClosed');
        const now = clock.now().toISOString();
        closeProblem(db, problemId, { resolution, closedAt: now, closedDay: hallToday(deps), closedBy: staffIdOf(caller) });
        const after = problemOf(problemId);
        auditChange(deps, caller, { at: now, action: 'followups.closeProblem', target: `followUp:${before.taskId}`, before, after });
        enqueueFollowUp(db, existingTask(before.taskId), now);
        return after;
      });
      changed('problem');
      return problemView(problem, hallToday(deps), loadCalendar(db));
    },

    'followups/figures': ({ fromDay, toDay }) => followUpFigures(db, fromDay, toDay),
  };
}

/** The audit log keeps the result, never the customer's name or phone. */
function auditable(t: FollowUpTaskRow) {
  const { customerName: _name, customerPhone: _phone, ...rest } = t;
  return rest;
}
