import type { z } from 'zod';
import { type Db, inTransaction } from '../../../db/connection.ts';
import { setSetting } from '../../../db/settings.ts';
import { countStaff, insertStaff } from '../../../db/staff.ts';
import { fail } from '../api/errors.ts';
import { auditChange } from '../audit/record.ts';
import { hashPassword } from '../auth/password.ts';
import type { Clock } from '../clock.ts';
import { toStaffPublic } from '../staff/present.ts';
import type { createAdminInputSchema } from './contract.ts';

/**
 * Creates the first administrator. There is no default password: until this runs,
 * only setup/status and setup/createAdmin do anything. Used by the setup screen and
 * the `npm run setup-admin` command alike.
 */
export async function createFirstAdmin(db: Db, clock: Clock, input: z.output<typeof createAdminInputSchema>) {
  if (countStaff(db) > 0) return fail('already_set_up', 'errors.alreadySetUp');
  const passwordHash = await hashPassword(input.password);
  const now = clock.now();
  return inTransaction(db, () => {
    // Checked again inside the write lock: two first-run screens may race.
    if (countStaff(db) > 0) return fail('already_set_up', 'errors.alreadySetUp');
    setSetting(db, 'hall.name', input.hallName);
    const staff = insertStaff(db, {
      workNo: input.workNo,
      name: input.name,
      passwordHash,
      roles: ['admin', 'manager'],
      now: now.toISOString(),
    });
    const pub = toStaffPublic(staff, now);
    auditChange({ db, clock }, staff.id, { at: now.toISOString(), action: 'setup.createAdmin', target: `staff:${staff.id}`, after: pub });
    return { staff: pub };
  });
}
