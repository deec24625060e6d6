import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from './roles.ts';
import { contract } from '../contract.ts';
import { type IntakeHall, openIntakeHall } from '../intake/intake-testing.ts';

/**
 * The system administrator (系统管理员) owns what can leak or erase the hall's data; managers
 * run the hall. Read from the contract, so a method made admin-only later is covered at once,
 * and the list below says on purpose which they are.
 */
const adminOnly = Object.entries(contract)
  .filter(([, spec]) => {
    const roles = spec.roles as readonly Role[];
    return roles.length === 1 && roles[0] === 'admin';
  })
  .map(([name]) => name)
  .sort();

let hall: IntakeHall;
beforeAll(async () => {
  hall = await openIntakeHall();
});
afterAll(() => hall.close());

describe('administrator methods', () => {
  it("are the sync connectors, their test and the hall code, restores, ticket printers, retention rules, a person's erasure, the release folder and the diagnostics", () => {
    expect(adminOnly).toEqual([
      'backups/cancelRestore',
      'backups/restore',
      'backups/setPassword',
      'devices/setPrinter',
      'diagnostics/export',
      'privacy/erasePerson',
      'privacy/erasurePreview',
      'privacy/retention',
      'privacy/setRetention',
      'sync/saveConnector',
      'sync/setHallCode',
      'sync/testConnection',
      'updates/releases',
    ]);
  });

  it.each(adminOnly)('%s refuses a manager and a clerk, and lets the administrator past the role check', async (name) => {
    for (const token of [hall.manager, hall.clerk]) {
      expect(await hall.core.call(name, {}, token)).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } });
    }
    const asAdmin = await hall.core.call(name, {}, hall.admin);
    if (!asAdmin.ok) expect(['forbidden', 'unauthenticated']).not.toContain(asAdmin.error.code);
  });
});
