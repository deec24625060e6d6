import { getApplication, applicationIdByToken, listMatters } from '../../../db/applications.ts';
import { queueRating } from '../sync/rating-record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { getCounter } from '../../../db/counters.ts';
import { addReasons, insertRating, type RatingStage, ratingIdForCase, ratingsForApplication } from '../../../db/ratings.ts';
import { listWorkOrders } from '../../../db/work-orders.ts';
import { fail } from '../api/errors.ts';
import type { CoreDeps } from '../deps.ts';
import { hallToday } from '../hall/hall-today.ts';
import type { RateResult, ReceiptMatter } from './contract.ts';
import { recordAnswer } from './invitations.ts';

function applicationOf(deps: Pick<CoreDeps, 'db'>, token: string) {
  const id = applicationIdByToken(deps.db, token);
  const application = id === undefined ? undefined : getApplication(deps.db, id);
  return application ?? fail('not_found', 'errors.ratings.receiptNotFound');
}

/** Each case number of the application and whether each stage may still be rated: 办结 only once the utility completed its work order. */
function receiptMatters(deps: Pick<CoreDeps, 'db'>, applicationId: number): ReceiptMatter[] {
  const completed = new Set(
    listWorkOrders(deps.db, applicationId)
      .filter((w) => w.status === 'completed')
      .map((w) => w.utility),
  );
  return listMatters(deps.db, applicationId).map((m) => ({
    caseNumber: m.caseNumber,
    utility: m.utility,
    businessCode: m.businessCode,
    intake: ratingIdForCase(deps.db, m.caseNumber, 'intake') === undefined ? 'open' : 'rated',
    completed: ratingIdForCase(deps.db, m.caseNumber, 'completed') !== undefined ? 'rated' : completed.has(m.utility) ? 'open' : 'notYet',
  }));
}

export function receiptView(deps: CoreDeps, token: string) {
  const application = applicationOf(deps, token);
  return {
    submittedDay: application.day,
    counterNumber: getCounter(deps.db, application.counterId)?.number ?? null,
    matters: receiptMatters(deps, application.id),
  };
}

/**
 * A rating from the receipt's QR code covers every case of the application still open at
 * that stage. At 受理 it answers the window's invitation when that one went unrated (the
 * service counts as rated now); otherwise, and at 办结, it is a rating of its own.
 */
export function rateFromReceipt(
  deps: CoreDeps,
  input: { token: string; stage: RatingStage; level: number; reasons: string[]; comment?: string | undefined },
): RateResult {
  const { db, clock } = deps;
  const application = applicationOf(deps, input.token);
  const open = receiptMatters(deps, application.id).filter((m) => m[input.stage] === 'open');
  if (open.length === 0)
    fail(
      'conflict',
      input.stage === 'completed' && receiptMatters(deps, application.id).some((m) => m.completed === 'notYet')
        ? 'errors.ratings.notCompletedYet'
        : 'errors.ratings.alreadyRated',
    );
  const ratingId = inTransaction(db, () => {
    const unanswered =
      input.stage === 'intake' ? ratingsForApplication(db, application.id).find((r) => r.stage === 'intake' && r.status !== 'rated') : undefined;
    if (unanswered) return unanswered.id;
    return insertRating(db, {
      stage: input.stage,
      ticketId: null,
      applicationId: application.id,
      counterId: application.counterId,
      staffId: application.staffId,
      utilities: [...new Set(open.map((m) => m.utility))],
      matters: open.map(({ caseNumber, utility, businessCode }) => ({ caseNumber, utility, businessCode })),
      day: input.stage === 'intake' ? application.day : hallToday(deps),
      invitedAt: clock.now().toISOString(),
      expiresAt: null,
    });
  });
  const { counterId: _counterId, ...result } = recordAnswer(
    deps,
    ratingId,
    { level: input.level, rawKey: `qr:${input.level}`, channel: 'qr', device: null, deviceId: null },
    ['pending', 'unrated'],
  );
  if (input.reasons.length > 0 || input.comment) {
    inTransaction(db, () => {
      addReasons(db, ratingId, input.reasons, input.comment ?? null);
      queueRating(db, ratingId, clock.now().toISOString());
    });
  }
  return { ...result, askReasons: false };
}
