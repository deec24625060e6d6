import type { Db } from '../../../db/connection.ts';
import { getCounter } from '../../../db/counters.ts';
import { enqueueOutbox } from '../../../db/outbox.ts';
import { getRating, listReasons } from '../../../db/ratings.ts';
import { getStaffById } from '../../../db/staff.ts';

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
  for (const utility of new Set(rating.matters.map((m) => m.utility))) {
    enqueueOutbox(db, {
      utility,
      type: 'rating',
      recordId: rating.id,
      at,
      data: {
        stage: rating.stage,
        level: rating.level,
        rawKey: rating.rawKey,
        channel: rating.channel,
        day: rating.day,
        ratedAt: rating.ratedAt,
        matters: rating.matters.filter((m) => m.utility === utility).map((m) => ({ caseNumber: m.caseNumber, business: m.businessCode })),
        window: counter ? counter.number : null,
        staffWorkNo: staff?.workNo ?? null,
        reasons,
        comment: rating.comment,
      },
    });
  }
}
