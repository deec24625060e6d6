import { getDevice } from '../../../db/devices.ts';
import { getStaffById, getStaffByWorkNo, recordFailedLogin, resetFailedLogins } from '../../../db/staff.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import { addMinutes } from '../clock.ts';
import type { CoreDeps } from '../deps.ts';
import { toStaffPublic } from '../staff/present.ts';
import type { authContract } from './contract.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { closeSession, openStaffSession } from './sessions.ts';

// Verified against when the work number is unknown, so a wrong work number takes as
// long as a wrong password and does not reveal which numbers exist.
let dummyHash: Promise<string> | undefined;

export function authHandlers(deps: CoreDeps): HandlersFor<typeof authContract> {
  const { db, clock, lockout, sessionPolicy } = deps;
  return {
    async 'auth/login'({ workNo, password }) {
      const staff = getStaffByWorkNo(db, workNo);
      const now = clock.now();
      if (!staff || !staff.active) {
        dummyHash ??= hashPassword('not-a-password-0');
        await verifyPassword(password, await dummyHash);
        return fail('unauthenticated', 'errors.badCredentials');
      }
      if (staff.lockedUntil && staff.lockedUntil > now.toISOString()) {
        return fail('locked', 'errors.accountLocked', { until: staff.lockedUntil });
      }
      if (!(await verifyPassword(password, staff.passwordHash))) {
        // Re-read: another login may have failed while this one was hashing.
        const current = getStaffById(db, staff.id) ?? staff;
        // A lock that has run out starts the count afresh.
        const lockExpired = current.lockedUntil !== null && current.lockedUntil <= now.toISOString();
        const failures = (lockExpired ? 0 : current.failedLogins) + 1;
        const lockedUntil = failures >= lockout.maxFailures ? addMinutes(now, lockout.lockMinutes).toISOString() : null;
        recordFailedLogin(db, staff.id, lockedUntil, now.toISOString());
        deps.logger.warn({ workNo, failures }, 'failed login');
        if (lockedUntil) return fail('locked', 'errors.accountLocked', { until: lockedUntil });
        // The same answer as for an unknown work number, so answers reveal no accounts.
        return fail('unauthenticated', 'errors.badCredentials');
      }
      resetFailedLogins(db, staff.id, now.toISOString());
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
