import { auditChange } from '../audit/record.ts';
import { inTransaction } from '../../../db/connection.ts';
import { deleteSessionsOfStaff } from '../../../db/sessions.ts';
import { getStaffById, getStaffByWorkNo, insertStaff, listStaff, resetFailedLogins, updateStaff } from '../../../db/staff.ts';
import type { Caller } from '../api/caller.ts';
import { fail } from '../api/errors.ts';
import type { HandlersFor } from '../api/registry.ts';
import { hashPassword } from '../auth/password.ts';
import type { CoreDeps } from '../deps.ts';
import type { staffContract } from './contract.ts';
import { toStaffPublic } from './present.ts';

const isAdmin = (caller: Caller): boolean => caller.kind === 'staff' && caller.roles.includes('admin');

export function staffHandlers(deps: CoreDeps): HandlersFor<typeof staffContract> {
  const { db, clock, events } = deps;
  return {
    'staff/list': () => {
      const now = clock.now();
      return listStaff(db).map((row) => toStaffPublic(row, now));
    },
    async 'staff/create'(input, { caller }) {
      // Managers run the hall and take on clerks; who else holds a role above clerk is the administrator's call.
      if (input.roles.some((r) => r !== 'clerk') && !isAdmin(caller)) return fail('forbidden', 'errors.onlyAdminGrantsRoles');
      if (getStaffByWorkNo(db, input.workNo)) return fail('conflict', 'errors.workNoTaken', { fields: [{ path: 'workNo', key: 'field.workNoTaken' }] });
      const passwordHash = await hashPassword(input.password);
      const now = clock.now();
      const created = inTransaction(db, () => {
        if (getStaffByWorkNo(db, input.workNo)) return fail('conflict', 'errors.workNoTaken', { fields: [{ path: 'workNo', key: 'field.workNoTaken' }] });
        const row = insertStaff(db, { workNo: input.workNo, name: input.name, passwordHash, roles: [...new Set(input.roles)], now: now.toISOString() });
        const pub = toStaffPublic(row, now);
        auditChange(deps, caller, { at: now.toISOString(), action: 'staff.create', target: `staff:${row.id}`, after: pub });
        return pub;
      });
      events.emit('staff/changed', { staffId: created.id }, ['manager', 'admin']);
      return created;
    },
    async 'staff/update'(input, { caller }) {
      const before = getStaffById(db, input.id);
      if (!before) return fail('not_found', 'errors.staffNotFound');
      const touchesAdmin = before.roles.includes('admin') || (input.roles?.includes('admin') ?? false);
      if (touchesAdmin && !isAdmin(caller)) return fail('forbidden', 'errors.onlyAdminGrantsAdmin');
      const rolesChange = input.roles !== undefined && [...input.roles].sort().join() !== [...before.roles].sort().join();
      if (rolesChange && !isAdmin(caller)) return fail('forbidden', 'errors.onlyAdminGrantsRoles');
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      const now = clock.now();
      const updated = inTransaction(db, () => {
        const changes = {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.roles === undefined ? {} : { roles: [...new Set(input.roles)] }),
          ...(input.active === undefined ? {} : { active: input.active }),
          ...(passwordHash === undefined ? {} : { passwordHash }),
        };
        updateStaff(db, input.id, changes, now.toISOString());
        if (input.unlock) resetFailedLogins(db, input.id, now.toISOString());
        // A deactivated account or a new password ends the sessions opened before.
        if (input.active === false || passwordHash) deleteSessionsOfStaff(db, input.id);
        const row = getStaffById(db, input.id);
        if (!row) return fail('not_found', 'errors.staffNotFound');
        const pub = toStaffPublic(row, now);
        auditChange(deps, caller, {
          at: now.toISOString(),
          action: passwordHash ? 'staff.update.password' : input.unlock ? 'staff.unlock' : 'staff.update',
          target: `staff:${row.id}`,
          before: toStaffPublic(before, now),
          after: pub,
        });
        return pub;
      });
      events.emit('staff/changed', { staffId: updated.id }, ['manager', 'admin']);
      return updated;
    },
  };
}
