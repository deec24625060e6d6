import { auditChange } from '../audit/record.ts';
import { inTransaction, type Db } from '../../../db/connection.ts';
import { listDevices } from '../../../db/devices.ts';
import { getSetting, setSetting } from '../../../db/settings.ts';
import { listStaff } from '../../../db/staff.ts';
import type { Caller } from '../api/caller.ts';
import type { Clock } from '../clock.ts';
import type { z } from 'zod';
import type { checklistSchema } from './contract.ts';

type Checklist = z.output<typeof checklistSchema>;

const HOURS_CONFIRMED = 'setup.hoursConfirmedAt';

/** The first-run checklist as the hall's data has it now. */
export function readChecklist(db: Db): Checklist {
  const devices = listDevices(db).filter((d) => d.revokedAt === null);
  const count = (role: string) => devices.filter((d) => d.role === role).length;
  return {
    clerks: listStaff(db).filter((s) => s.active && s.roles.includes('clerk')).length,
    kiosks: count('kiosk'),
    displays: count('display'),
    rateScreens: count('rate'),
    rateScreensUnbound: devices.filter((d) => d.role === 'rate' && d.counterId === null).length,
    hoursConfirmedAt: getSetting(db, HOURS_CONFIRMED) ?? null,
  };
}

/**
 * The seeded categories and hours are an example, not the hall's own: only a manager who has
 * looked at them can say they are right, so this one item is ticked by a person, and audited.
 */
export function confirmHours(db: Db, clock: Clock, caller: Caller): Checklist {
  const now = clock.now().toISOString();
  return inTransaction(db, () => {
    const before = getSetting(db, HOURS_CONFIRMED) ?? null;
    setSetting(db, HOURS_CONFIRMED, now);
    auditChange({ db, clock }, caller, { at: now, action: 'setup.confirmHours', target: null, before, after: now });
    return readChecklist(db);
  });
}
