import type { StaffRow } from '../../../db/staff.ts';
import type { StaffPublic } from '../auth/schemas.ts';

/** The staff fields that may leave the core: never the password hash. */
export function toStaffPublic(row: StaffRow, now: Date): StaffPublic {
  return {
    id: row.id,
    workNo: row.workNo,
    name: row.name,
    roles: row.roles,
    active: row.active,
    locked: row.lockedUntil !== null && row.lockedUntil > now.toISOString(),
    createdAt: row.createdAt,
  };
}
