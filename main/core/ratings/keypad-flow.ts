import { AppError } from '../api/errors.ts';
import type { CoreDeps } from '../deps.ts';
import type { Invitation } from './contract.ts';
import { expireInvitation, recordAnswer } from './invitations.ts';
import type { RatingDevicePort } from './rating-device-port.ts';

/**
 * Drives the counters' keypads through `port`: each invitation goes to its counter's keypad,
 * the key pressed is stored as the rating, the keypad's timeout as unrated, and an invitation
 * answered elsewhere (the screen) or ended is cancelled on the keypad. Returns the stop.
 */
export function driveRatingDevices(deps: CoreDeps, port: RatingDevicePort): () => void {
  const { events, logger } = deps;
  // The invitation each counter's keypad waits for: a later one at the same counter replaces it.
  const waiting = new Map<number, number>();

  const invite = async (invitation: Invitation) => {
    const { counterId, ratingId } = invitation;
    waiting.set(counterId, ratingId);
    const outcome = await port.invite(counterId, {
      workNo: invitation.staff.workNo,
      name: invitation.staff.name,
      window: String(invitation.counterNumber),
      timeoutSeconds: invitation.timeoutSeconds,
    });
    if (waiting.get(counterId) === ratingId) waiting.delete(counterId);
    if (outcome.kind === 'timeout') {
      expireInvitation(deps, ratingId);
      return;
    }
    if (outcome.kind !== 'rated') return;
    try {
      recordAnswer(deps, ratingId, { level: outcome.level, rawKey: outcome.key, channel: outcome.channel, device: outcome.device, deviceId: null });
    } catch (error) {
      // The screen answered first, or the invitation ran out: the key is late.
      if (error instanceof AppError) logger.info({ ratingId, reason: error.apiError.messageKey }, 'rating key not stored');
      else logger.error({ ratingId, err: error }, 'storing the rating failed');
    }
  };

  const offs = [
    events.on('ratings/invited', ({ payload }) => {
      void invite(payload).catch((error: unknown) => logger.error({ err: error }, 'rating invitation failed'));
    }),
    events.on('ratings/closed', ({ payload: { ratingId, counterId } }) => {
      // Answered on the screen or timed out here: the keypad stops waiting.
      if (counterId === null || waiting.get(counterId) !== ratingId) return;
      waiting.delete(counterId);
      void port.cancel(counterId).catch(() => undefined);
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
