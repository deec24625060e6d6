import { inTransaction } from '../../../db/connection.ts';
import { getStaffPhoto } from '../../../db/staff-profiles.ts';
import { queueRating } from '../sync/rating-record.ts';
import { getCounter } from '../../../db/counters.ts';
import { listDevices } from '../../../db/devices.ts';
import {
  claimCases,
  expirePending,
  expireRating,
  getRating,
  insertRating,
  markRated,
  mattersForTicket,
  pendingRatingAt,
  type RatingChannel,
  type RatingRow,
  type RatingStatus,
  ratingForTicket,
} from '../../../db/ratings.ts';
import { insertRectification } from '../../../db/rectifications.ts';
import { getStaffById } from '../../../db/staff.ts';
import { getTicket } from '../../../db/tickets.ts';
import { fail } from '../api/errors.ts';
import type { CoreDeps } from '../deps.ts';
import { loadCalendar } from '../calendar/calendar-store.ts';
import { hallToday } from '../hall/hall-today.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import type { Invitation, RateResult } from './contract.ts';
import { isBadLevel } from '../../../common/rating-levels.ts';
import { readRatingSettings } from './settings.ts';

/** The device layer waits this much past the timeout for the keypad's own timeout frame; so do we. */
export const expiryGraceMs = 3_000;

const ratingAudience = ['rate', 'clerk', 'manager', 'admin'] as const;
const staffAudience = ['clerk', 'manager', 'admin'] as const;

/** Paired rating screens at a counter. */
export const rateScreensAt = (deps: Pick<CoreDeps, 'db'>, counterId: number): number[] =>
  listDevices(deps.db)
    .filter((d) => d.role === 'rate' && d.counterId === counterId && d.revokedAt === null)
    .map((d) => d.id);

/** The clerk's photo for the customer's screen, as a data URL (at most 200 KB, migration 0006); null when none. */
export function photoOf(deps: Pick<CoreDeps, 'db'>, staffId: number | null): string | null {
  const photo = staffId === null ? undefined : getStaffPhoto(deps.db, staffId);
  return photo ? `data:${photo.mime};base64,${photo.data.toString('base64')}` : null;
}

export function invitationView(deps: Pick<CoreDeps, 'db'>, row: RatingRow): Invitation | null {
  if (row.counterId === null || row.expiresAt === null) return null;
  const counter = getCounter(deps.db, row.counterId);
  const staff = row.staffId === null ? undefined : getStaffById(deps.db, row.staffId);
  if (!counter) return null;
  return {
    ratingId: row.id,
    counterId: counter.id,
    counterNumber: counter.number,
    counterName: counter.name,
    staff: { workNo: staff?.workNo ?? '', name: staff?.name ?? '', photo: photoOf(deps, row.staffId) },
    invitedAt: row.invitedAt,
    expiresAt: row.expiresAt,
    timeoutSeconds: Math.round((Date.parse(row.expiresAt) - Date.parse(row.invitedAt)) / 1000),
    deviceIds: rateScreensAt(deps, counter.id),
  };
}

/** Tells the screens and devices that invitations ended unanswered. */
function announceUnrated(deps: CoreDeps, closed: { id: number; counterId: number | null }[]) {
  for (const c of closed) deps.events.emit('ratings/closed', { ratingId: c.id, counterId: c.counterId, status: 'unrated' }, ratingAudience);
  if (closed.length > 0) deps.events.emit('ratings/changed', { reason: 'unrated' }, staffAudience);
}

/** Closes invitations whose time ran out (with the device layer's grace) as unrated. */
export function sweepExpired(deps: CoreDeps): void {
  const before = new Date(deps.clock.now().getTime() - expiryGraceMs).toISOString();
  const closed = inTransaction(deps.db, () => expirePending(deps.db, { before }, deps.clock.now().toISOString()));
  announceUnrated(deps, closed);
}

/**
 * A service finished at a counter: the customer is invited to rate it. The rating is tied
 * to the ticket, the applications accepted for it with their case numbers and matters,
 * the counter and the clerk. An invitation still open at the counter (the customer before
 * left without rating) is closed as unrated first.
 */
export function openInvitation(deps: CoreDeps, ticketId: number): Invitation | null {
  const { db, clock } = deps;
  const now = clock.now();
  const result = inTransaction(db, () => {
    const ticket = getTicket(db, ticketId);
    if (!ticket || ticket.counterId === null || ratingForTicket(db, ticketId, 'intake')) return undefined;
    const closed = expirePending(db, { counterId: ticket.counterId }, now.toISOString());
    const matters = mattersForTicket(db, ticketId);
    const { inviteTimeoutSeconds } = readRatingSettings(db);
    const id = insertRating(db, {
      stage: 'intake',
      ticketId,
      applicationId: matters[0]?.applicationId ?? null,
      counterId: ticket.counterId,
      staffId: ticket.staffId,
      utilities: [...new Set(matters.map((m) => m.utility))],
      matters: matters.map(({ caseNumber, utility, businessCode }) => ({ caseNumber, utility, businessCode })),
      day: hallToday(deps),
      invitedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + inviteTimeoutSeconds * 1000).toISOString(),
    });
    return { id, closed };
  });
  if (!result) return null;
  announceUnrated(deps, result.closed);
  const row = getRating(db, result.id);
  const view = row ? invitationView(deps, row) : null;
  if (view) deps.events.emit('ratings/invited', view, ratingAudience);
  deps.events.emit('ratings/changed', { reason: 'invited' }, staffAudience);
  return view;
}

/** The invitation open at a counter now, after closing those whose time ran out. */
export function currentInvitation(deps: CoreDeps, counterId: number): Invitation | null {
  sweepExpired(deps);
  const row = pendingRatingAt(deps.db, counterId);
  return row ? invitationView(deps, row) : null;
}

export type Answer = { level: number; rawKey: string; channel: RatingChannel; device: string | null; deviceId: number | null };

/**
 * Stores the customer's answer: the level and the raw key, the channel and the device.
 * The rating claims its case numbers for its stage (one rating per case and stage); a bad
 * rating opens its rectification task, due after the hall's deadline in working days.
 * `from` is 'pending' for the window (a key after the timeout is too late) and also
 * 'unrated' for a rating from the receipt's QR code (the customer rates later).
 */
export function recordAnswer(
  deps: CoreDeps,
  ratingId: number,
  answer: Answer,
  from: readonly [RatingStatus, ...RatingStatus[]] = ['pending'],
): RateResult & { counterId: number | null } {
  const { db, clock } = deps;
  const at = clock.now().toISOString();
  const saved = inTransaction(db, () => {
    const rating = getRating(db, ratingId) ?? fail('not_found', 'errors.ratings.notFound');
    if (!markRated(db, ratingId, from, { ...answer, ratedAt: at })) fail('conflict', 'errors.ratings.closed');
    try {
      claimCases(
        db,
        ratingId,
        rating.matters.map((m) => m.caseNumber),
        rating.stage,
      );
    } catch (error) {
      if (error instanceof Error && /UNIQUE/.test(error.message)) fail('conflict', 'errors.ratings.alreadyRated');
      throw error;
    }
    let rectificationId: number | null = null;
    if (isBadLevel(answer.level)) {
      const today = hallToday(deps);
      const dueDay = addWorkingDays(today, readRatingSettings(db).rectificationWorkingDays, loadCalendar(db));
      rectificationId = insertRectification(db, { ratingId, openedAt: at, dueDay });
    }
    // The utilities hear of it tonight, in this same transaction (main/core/sync/rating-record.ts).
    queueRating(db, ratingId, at);
    return { rating, rectificationId };
  });
  deps.events.emit('ratings/closed', { ratingId, counterId: saved.rating.counterId, status: 'rated' }, ratingAudience);
  deps.events.emit('ratings/changed', { reason: saved.rectificationId === null ? 'rated' : 'badRating' }, staffAudience);
  if (saved.rectificationId !== null) deps.logger.info({ ratingId, rectificationId: saved.rectificationId }, 'bad rating: rectification task opened');
  return { ratingId, level: answer.level, askReasons: isBadLevel(answer.level), rectificationId: saved.rectificationId, counterId: saved.rating.counterId };
}

/** The device reported its own timeout: the invitation ends unrated now. */
export function expireInvitation(deps: CoreDeps, ratingId: number): boolean {
  const at = deps.clock.now().toISOString();
  const rating = getRating(deps.db, ratingId);
  const done = inTransaction(deps.db, () => expireRating(deps.db, ratingId, at));
  if (done) announceUnrated(deps, [{ id: ratingId, counterId: rating?.counterId ?? null }]);
  return done;
}
