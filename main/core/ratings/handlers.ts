import { auditChange } from '../audit/record.ts';
import { queueRating } from '../sync/rating-record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { getCounter } from '../../../db/counters.ts';
import { addReasons, figureRows, getRating, listReasons } from '../../../db/ratings.ts';
import { getStaffById } from '../../../db/staff.ts';
import { type Caller, isManager, staffIdOf } from '../api/caller.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import type { ratingsContract } from './contract.ts';
import { counterDevices, keypadRating, ratingProfiles, setCounterDevice } from './counter-devices.ts';
import { computeFigures } from './figures.ts';
import { currentInvitation, openInvitation, photoOf, recordAnswer, sweepExpired } from './invitations.ts';
import { completionTarget, isBadLevel } from '../../../common/rating-levels.ts';
import { rateFromReceipt, receiptView } from './receipt.ts';
import { rectificationStep, rectificationViews } from './rectifications.ts';
import { readRatingSettings, writeRatingSettings } from './settings.ts';

// A customer picks reasons right after the bad rating, on the same screen; not hours later.
const reasonWindowMs = 10 * 60_000;

export function ratingsHandlers(deps: CoreDeps): HandlersFor<typeof ratingsContract> {
  const { db, clock, events, logger } = deps;
  const expiryTimers = new Map<number, ReturnType<typeof setTimeout>>();

  // A finished service opens its invitation. A failure here must not undo the finish the
  // clerk already saw succeed: it is logged, and the service counts as not invited.
  events.on('ratings/closed', ({ payload: { ratingId } }) => {
    clearTimeout(expiryTimers.get(ratingId));
    expiryTimers.delete(ratingId);
  });
  events.on('queue/finished', ({ payload: { ticketId } }) => {
    try {
      const invitation = openInvitation(deps, ticketId);
      if (!invitation) return;
      // Ends the invitation on time even when no screen asks again; the sweep reads the clock, so a test clock decides.
      const timer = setTimeout(() => sweepExpired(deps), Date.parse(invitation.expiresAt) - Date.parse(invitation.invitedAt) + 3_500);
      timer.unref?.();
      expiryTimers.set(invitation.ratingId, timer);
    } catch (error) {
      logger.error({ ticketId, err: error }, 'opening the rating invitation failed');
    }
  });

  /** The counter a caller may see the invitation of: a rating screen its own, a clerk the one they hold. */
  const counterFor = (caller: Caller, counterId: number | undefined): number => {
    if (caller.kind === 'device') return caller.counterId ?? fail('conflict', 'errors.ratings.screenWithoutCounter');
    if (counterId === undefined) return fail('validation', 'errors.validation', { fields: [{ path: 'counterId', key: 'field.required' }] });
    return counterId;
  };

  return {
    'ratings/current': ({ counterId }, { caller }) => currentInvitation(deps, counterFor(caller, counterId)),

    'ratings/screenIdle'(_input, { caller }) {
      const counter = caller.kind === 'device' && caller.counterId !== null ? getCounter(db, caller.counterId) : undefined;
      if (!counter) return { counter: null, staff: null };
      // Only a clerk at an open (or paused) counter is shown: a closed counter's last clerk has gone home.
      const staff = counter.status !== 'closed' && counter.staffId !== null ? getStaffById(db, counter.staffId) : undefined;
      return {
        counter: { id: counter.id, number: counter.number, name: counter.name },
        staff: staff ? { workNo: staff.workNo, name: staff.name, photo: photoOf(deps, staff.id) } : null,
      };
    },

    'ratings/rate'({ ratingId, level }, { caller }) {
      if (caller.kind !== 'device') return fail('forbidden', 'errors.forbidden');
      const rating = getRating(db, ratingId) ?? fail('not_found', 'errors.ratings.notFound');
      if (rating.counterId === null || rating.counterId !== caller.counterId) fail('forbidden', 'errors.ratings.otherCounter');
      const { counterId: _c, ...result } = recordAnswer(deps, ratingId, {
        level,
        rawKey: `screen:${level}`,
        channel: 'screen',
        device: caller.name,
        deviceId: caller.deviceId,
      });
      return result;
    },

    'ratings/keypad'({ counterId, ratingId, code, key }, { caller }) {
      // The customer's side only: the rating device paired to this window, never the clerk's session.
      getCounter(db, counterId) ?? fail('not_found', 'errors.queue.counterNotFound');
      if (caller.kind !== 'device' || caller.role !== 'rate' || caller.counterId !== counterId) fail('forbidden', 'errors.ratings.notThisWindowsDevice');
      const rating = getRating(db, ratingId) ?? fail('not_found', 'errors.ratings.notFound');
      if (rating.counterId !== counterId) fail('forbidden', 'errors.ratings.otherCounter');
      const pressed = keypadRating(deps, counterId, { code, key }) ?? fail('validation', 'errors.ratings.notAKeypadKey');
      const { counterId: _c, ...result } = recordAnswer(deps, ratingId, {
        level: pressed.level,
        rawKey: pressed.keyName,
        channel: 'keypad',
        device: pressed.profile,
        deviceId: caller.kind === 'device' ? caller.deviceId : null,
      });
      return result;
    },

    'ratings/addReasons'({ ratingId, reasons, comment }, { caller }) {
      if (caller.kind !== 'device') return fail('forbidden', 'errors.forbidden');
      inTransaction(db, () => {
        const rating = getRating(db, ratingId) ?? fail('not_found', 'errors.ratings.notFound');
        if (rating.deviceId !== caller.deviceId || rating.level === null || !isBadLevel(rating.level)) fail('forbidden', 'errors.ratings.reasonsNotAsked');
        if (rating.ratedAt === null || clock.now().getTime() - Date.parse(rating.ratedAt) > reasonWindowMs) fail('conflict', 'errors.ratings.reasonsTooLate');
        if (listReasons(db, ratingId).length > 0) fail('conflict', 'errors.ratings.reasonsGiven');
        addReasons(db, ratingId, reasons, comment ?? null);
        queueRating(db, ratingId, clock.now().toISOString());
      });
      events.emit('ratings/changed', { reason: 'reasons' }, ['manager', 'admin']);
      return {};
    },

    'ratings/receipt': ({ token }) => receiptView(deps, token),
    'ratings/rateReceipt': (input) => rateFromReceipt(deps, input),

    'ratings/figures'({ from, to, groupBy, staffId }, { caller }) {
      if (to < from) fail('validation', 'errors.validation', { fields: [{ path: 'to', key: 'field.dateRange' }] });
      sweepExpired(deps);
      // A clerk sees their own figures only; a manager anyone's, or the whole hall's.
      const only = isManager(caller) ? staffId : (staffIdOf(caller) ?? fail('forbidden', 'errors.forbidden'));
      const rows = figureRows(db, from, to).filter((r) => only === undefined || r.staffId === only);
      const computed = computeFigures(rows, groupBy);
      const label = (key: string): string => {
        if (key === '') return '';
        if (groupBy === 'staff') {
          const staff = getStaffById(db, Number(key));
          return staff ? `${staff.name} (${staff.workNo})` : key;
        }
        if (groupBy === 'counter') return String(getCounter(db, Number(key))?.number ?? key);
        return key;
      };
      return { from, to, groupBy, target: completionTarget, rows: computed.rows.map((r) => ({ ...r, label: label(r.key) })), total: computed.total };
    },

    'ratings/rectifications': () => rectificationViews(deps),
    'ratings/assign': ({ id, staffId }, { caller }) => rectificationStep(deps, staffIdOf(caller), id, { kind: 'assign', staffId }),
    'ratings/recordCall': ({ id, notes }, { caller }) => rectificationStep(deps, staffIdOf(caller), id, { kind: 'call', notes }),
    'ratings/recordMeasures': ({ id, measures }, { caller }) => rectificationStep(deps, staffIdOf(caller), id, { kind: 'measures', measures }),
    'ratings/recordVerdict': ({ id, verdict }, { caller }) => rectificationStep(deps, staffIdOf(caller), id, { kind: 'verdict', verdict }),

    'ratings/settings': () => readRatingSettings(db),
    'ratings/setSettings'(settings, { caller }) {
      inTransaction(db, () => {
        const before = readRatingSettings(db);
        writeRatingSettings(db, settings);
        auditChange(deps, caller, { action: 'ratings.setSettings', target: null, before, after: settings });
      });
      return readRatingSettings(db);
    },

    'ratings/devices': () => ({
      counters: counterDevices(deps),
      profiles: [...ratingProfiles(deps).values()].map((p) => ({ name: p.name, transport: p.transport, description: p.description ?? '' })),
    }),
    'ratings/setDevice': (input, { caller }) => setCounterDevice(deps, staffIdOf(caller), input),
  };
}
