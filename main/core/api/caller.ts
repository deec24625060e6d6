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

export function rolesOf(caller: Caller): Role[] {
  if (caller.kind === 'staff') return [...caller.roles];
  if (caller.kind === 'device') return [caller.role];
  return [];
}

export function mayCall(caller: Caller, allowed: readonly Role[]): boolean {
  if (allowed.includes('public')) return true;
  return rolesOf(caller).some((role) => allowed.includes(role));
}
