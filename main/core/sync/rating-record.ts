import type { Db } from '../../../db/connection.ts';
import { getCounter } from '../../../db/counters.ts';
import { enqueueOutbox } from '../../../db/outbox.ts';
import { getRating, listReasons } from '../../../db/ratings.ts';
import { getStaffById } from '../../../db/staff.ts';
import { getConnector } from '../../../db/sync.ts';
import { rectificationForRating } from '../../../db/rectifications.ts';

/**
 * The province's 政务服务“好差评” platform, reached like a utility on the same outbox under this
 * name (docs/rating-platform.md): every rating goes to it within a minute, and again as its
 * rectification and the customer's verdict on it come.
 */
export const RATING_PLATFORM = 'ratingPlatform';
export const RATING_PLATFORM_NAMES = { zh: '政务服务好差评平台', en: 'Government service rating platform' };

/**
 * Queues a rated rating for each utility whose matters it covers (record type `rating`,
 * docs/sync-protocol.md), with that utility's case numbers only. What the national 好差评
 * rules tie a rating to goes along — the matter, the level and the raw key, the window, the
 * staff member, the time — and never who rated (enqueueOutbox refuses such a key). Call inside
 * the transaction that rated it or added its reasons. A rating not rated yet is not sent.
 */
export function queueRating(db: Db, ratingId: number, at: string): void {
  const rating = getRating(db, ratingId);
  if (!rating || rating.level === null || rating.ratedAt === null) return;
  const staff = rating.staffId === null ? undefined : getStaffById(db, rating.staffId);
  const counter = rating.counterId === null ? undefined : getCounter(db, rating.counterId);
  const reasons = listReasons(db, ratingId);
  const rectification = rectificationForRating(db, ratingId);
  // The rectification of a bad rating, as it stands: the platform follows it as updates of the same rating.
  const rectified = rectification
    ? { dueDay: rectification.dueDay, measures: rectification.measures, verdict: rectification.verdict, closedAt: rectification.closedAt }
    : null;
  const common = {
    stage: rating.stage,
    level: rating.level,
    rawKey: rating.rawKey,
    channel: rating.channel,
    day: rating.day,
    ratedAt: rating.ratedAt,
    window: counter ? counter.number : null,
    staffWorkNo: staff?.workNo ?? null,
    reasons,
    comment: rating.comment,
    rectification: rectified,
  };
  // Only once a platform is set up: a hall without one queues nothing for it.
  if (getConnector(db, RATING_PLATFORM)) {
    enqueueOutbox(db, {
      utility: RATING_PLATFORM,
      type: 'rating',
      recordId: rating.id,
      at,
      data: { ...common, matters: rating.matters.map((m) => ({ caseNumber: m.caseNumber, business: m.businessCode, utility: m.utility })) },
    });
  }
  for (const utility of new Set(rating.matters.map((m) => m.utility))) {
    enqueueOutbox(db, {
      utility,
      type: 'rating',
      recordId: rating.id,
      at,
      data: { ...common, matters: rating.matters.filter((m) => m.utility === utility).map((m) => ({ caseNumber: m.caseNumber, business: m.businessCode })) },
    });
  }
}
