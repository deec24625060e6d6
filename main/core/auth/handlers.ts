import { getDevice } from '../../../db/devices.ts';
import { blockedUntil, recordFailedAttempt } from '../../../db/attempt-limits.ts';
import { getStaffById, getStaffByWorkNo, reserveLoginAttempt, resetFailedLogins } from '../../../db/staff.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import { addMinutes } from '../clock.ts';
import type { CoreDeps } from '../deps.ts';
import { toStaffPublic } from '../staff/present.ts';
import type { authContract } from './contract.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { closeSession, openStaffSession } from './sessions.ts';
import { LOGIN_PER_SOURCE } from './attempt-limits.ts';

// Verified against when the work number is unknown, so a wrong work number takes as
// long as a wrong password and does not reveal which numbers exist.
let dummyHash: Promise<string> | undefined;

export function authHandlers(deps: CoreDeps): HandlersFor<typeof authContract> {
  const { db, clock, lockout, sessionPolicy } = deps;
  // One sign-in in flight per account: a parallel burst waits for nothing, it is refused.
  const inFlight = new Set<number>();
  const refuseSource = (until: string) => fail('locked', 'errors.tooManyAttempts', { until });
  return {
    async 'auth/login'({ workNo, password }, { origin }) {
      const now = clock.now();
      const nowIso = now.toISOString();
      // An address that guessed too often waits, whatever work number it tries next.
      const sourceBlock = blockedUntil(db, 'login.source', origin.source, nowIso);
      if (sourceBlock) return refuseSource(sourceBlock);
      const failed = (failures?: number) => {
        deps.logger.warn({ workNo, source: origin.source, failures }, 'failed login');
        const blocked = recordFailedAttempt(db, 'login.source', origin.source, now, LOGIN_PER_SOURCE);
        if (blocked) deps.logger.warn({ source: origin.source, until: blocked }, 'sign-in blocked for a source address');
      };
      const staff = getStaffByWorkNo(db, workNo);
      if (!staff || !staff.active) {
        dummyHash ??= hashPassword('not-a-password-0');
        await verifyPassword(password, await dummyHash);
        failed();
        return fail('unauthenticated', 'errors.badCredentials');
      }
      if (inFlight.has(staff.id)) return fail('locked', 'errors.loginInProgress');
      // The attempt is counted before the slow hash, so parallel guesses cannot all be checked.
      const reserved = reserveLoginAttempt(db, staff.id, nowIso, {
        maxFailures: lockout.maxFailures,
        lockUntil: addMinutes(now, lockout.lockMinutes).toISOString(),
      });
      if (!reserved) return fail('locked', 'errors.accountLocked', { until: getStaffById(db, staff.id)?.lockedUntil ?? nowIso });
      inFlight.add(staff.id);
      let verified: boolean;
      try {
        verified = await verifyPassword(password, staff.passwordHash);
      } finally {
        inFlight.delete(staff.id);
      }
      if (!verified) {
        failed(reserved.failures);
        if (reserved.lockedUntil) return fail('locked', 'errors.accountLocked', { until: reserved.lockedUntil });
        // The same answer as for an unknown work number, so answers reveal no accounts.
        return fail('unauthenticated', 'errors.badCredentials');
      }
      resetFailedLogins(db, staff.id, nowIso);
      const session = openStaffSession(db, clock, sessionPolicy, staff.id);
      return { ...session, staff: toStaffPublic({ ...staff, failedLogins: 0, lockedUntil: null }, now) };
    },
    'auth/logout'(_input, { caller }) {
      if (caller.kind !== 'anonymous') closeSession(db, caller.tokenHash);
      return {};
    },
    'auth/me'(_input, { caller }) {
      if (caller.kind === 'staff') {
        const staff = getStaffById(db, caller.staffId);
        if (!staff) return fail('unauthenticated', 'errors.unauthenticated');
        return { kind: 'staff' as const, staff: toStaffPublic(staff, clock.now()) };
      }
      if (caller.kind === 'device') {
        const device = getDevice(db, caller.deviceId);
        if (!device) return fail('unauthenticated', 'errors.unauthenticated');
        return {
          kind: 'device' as const,
          device: { id: device.id, name: device.name, role: device.role, counterId: device.counterId },
        };
      }
      return fail('unauthenticated', 'errors.unauthenticated');
    },
  };
}
