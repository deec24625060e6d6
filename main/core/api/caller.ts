import { fail } from './errors.ts';
import type { DeviceRoleName, Role, StaffRoleName } from './roles.ts';

/** Who is calling, resolved from the session token by the core, the same for both transports. */
export type Caller =
  | { kind: 'anonymous' }
  | {
      kind: 'staff';
      staffId: number;
      workNo: string;
      name: string;
      roles: StaffRoleName[];
      tokenHash: string;
    }
  | {
      kind: 'device';
      deviceId: number;
      name: string;
      role: DeviceRoleName;
      counterId: number | null;
      tokenHash: string;
    };

/**
 * Where a call came from. `local` is this machine's own: the desktop app's IPC, a CLI, code in
 * the process, or HTTP from a loopback address; `source` names the remote address for limits
 * and the failure log. Some methods (first-run setup) trust only local calls.
 */
export type Origin = { source: string; local: boolean };

export const LOCAL_ORIGIN: Origin = { source: 'local', local: true };

export function rolesOf(caller: Caller): Role[] {
  if (caller.kind === 'staff') return [...caller.roles];
  if (caller.kind === 'device') return [caller.role];
  return [];
}

export function mayCall(caller: Caller, allowed: readonly Role[]): boolean {
  if (allowed.includes('public')) return true;
  return rolesOf(caller).some((role) => allowed.includes(role));
}

export type StaffCaller = Extract<Caller, { kind: 'staff' }>;

/** For staff methods; their roles already keep devices and strangers out, so this refusal is a second lock. */
export const asStaff = (caller: Caller): StaffCaller => (caller.kind === 'staff' ? caller : fail('forbidden', 'errors.forbidden'));

/** Managers and administrators may act on any counter's or clerk's behalf. */
export const isManager = (caller: Caller): boolean => caller.kind === 'staff' && (caller.roles.includes('manager') || caller.roles.includes('admin'));

/** The staff member on the audit trail; screens (devices) and strangers are null there. */
export const staffIdOf = (caller: Caller): number | null => (caller.kind === 'staff' ? caller.staffId : null);
