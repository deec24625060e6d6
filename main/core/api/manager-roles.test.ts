import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from './roles.ts';
import { contract } from '../contract.ts';
import { type IntakeHall, openIntakeHall } from '../intake/intake-testing.ts';

/**
 * The manager's desk is closed to clerks in the core, whatever the screen shows: every method a
 * clerk may not call refuses a clerk's session, and lets a manager past the role check. The list
 * is read from the contract, so a method added later is covered the day it is declared.
 */
const managerOnly = Object.entries(contract)
  .filter(([, spec]) => {
    const roles = spec.roles as readonly Role[];
    return roles.includes('manager') && !roles.includes('clerk') && !roles.includes('public');
  })
  .map(([name]) => name);

let hall: IntakeHall;
beforeAll(async () => {
  hall = await openIntakeHall();
});
afterAll(() => hall.close());

describe('manager methods', () => {
  it('include every method of the ledgers and of administration', () => {
    // Restoring a backup and its password are the administrator's (admin-roles.test.ts); the rest of the ledgers and backups are the manager's.
    const ledgers = Object.keys(contract).filter(
      (name) =>
        (/^(complaints|followups|audit|backups)\//.test(name) && !['backups/restore', 'backups/cancelRestore', 'backups/setPassword'].includes(name)) ||
        ['staff/profiles', 'staff/setUtility', 'staff/setPhoto', 'staff/photo'].includes(name),
    );
    expect(ledgers.length).toBeGreaterThanOrEqual(28);
    expect(ledgers.filter((name) => !managerOnly.includes(name))).toEqual([]);
  });

  it.each(managerOnly)('%s refuses a clerk and lets a manager past the role check', async (name) => {
    const asClerk = await hall.core.call(name, {}, hall.clerk);
    expect(asClerk).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } });
    const asManager = await hall.core.call(name, {}, hall.manager);
    if (!asManager.ok) expect(['forbidden', 'unauthenticated', 'internal']).not.toContain(asManager.error.code);
  });
});
