/**
 * Which waiting ticket a counter gets when the clerk presses "call next".
 *
 * The rule, in order:
 *  1. A ticket transferred to this very counter goes first: it has already waited once.
 *  2. Starvation bound: any ticket that has waited `maxWaitMinutes` or longer goes before
 *     every other, the longest-waiting first, whatever its priority.
 *  3. Priority tickets (green channel, appointments checked in on time) go before normal
 *     ones, but after `priorityBurst` priority calls in a row in the hall, the next call
 *     takes the longest-waiting normal ticket.
 *  4. Otherwise the longest-waiting ticket.
 * Pure: the caller passes the candidates and the hall's recent calls.
 * For managers, in Chinese and English with a worked example: docs/queue-rule.md.
 */
export type TicketPriority = 'normal' | 'priority' | 'appointment';

export type Candidate = {
  id: number;
  categoryId: number;
  priority: TicketPriority;
  /** When the ticket (re-)entered the queue: issue, requeue after no-show, or transfer. */
  queuedAt: string;
  targetCounterId: number | null;
};

export type PriorityRule = {
  /** Priority calls in a row before one normal ticket must be called. */
  priorityBurst: number;
  /** A ticket waiting this long goes before every other. */
  maxWaitMinutes: number;
};

export const defaultPriorityRule: PriorityRule = { priorityBurst: 3, maxWaitMinutes: 30 };

export type PickContext = {
  counterId: number;
  /** Categories this counter serves; null means every category. */
  categoryIds: readonly number[] | null;
  rule: PriorityRule;
  /** Whether each of the hall's most recent calls was a priority ticket, newest first. */
  recentCallsPriority: readonly boolean[];
  now: Date;
};

const isPriority = (c: Candidate) => c.priority !== 'normal';

const oldest = (list: readonly Candidate[]): Candidate | undefined =>
  list.reduce<Candidate | undefined>(
    (best, c) => (!best || c.queuedAt < best.queuedAt || (c.queuedAt === best.queuedAt && c.id < best.id) ? c : best),
    undefined,
  );

export function mayServe(candidate: Candidate, ctx: Pick<PickContext, 'counterId' | 'categoryIds'>): boolean {
  if (candidate.targetCounterId !== null) return candidate.targetCounterId === ctx.counterId;
  return ctx.categoryIds === null || ctx.categoryIds.includes(candidate.categoryId);
}

export function pickNext(candidates: readonly Candidate[], ctx: PickContext): Candidate | undefined {
  const eligible = candidates.filter((c) => mayServe(c, ctx));
  if (eligible.length === 0) return undefined;

  const direct = eligible.filter((c) => c.targetCounterId === ctx.counterId);
  if (direct.length > 0) return oldest(direct);

  const limit = ctx.now.getTime() - ctx.rule.maxWaitMinutes * 60_000;
  const overdue = eligible.filter((c) => Date.parse(c.queuedAt) <= limit);
  if (overdue.length > 0) return oldest(overdue);

  const priority = eligible.filter(isPriority);
  const normal = eligible.filter((c) => !isPriority(c));
  if (priority.length === 0) return oldest(normal);
  if (normal.length === 0) return oldest(priority);

  const burst = ctx.recentCallsPriority.slice(0, ctx.rule.priorityBurst);
  const burstSpent = ctx.rule.priorityBurst <= 0 || (burst.length === ctx.rule.priorityBurst && burst.every(Boolean));
  return burstSpent ? oldest(normal) : oldest(priority);
}
