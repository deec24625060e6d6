import { getSetting } from '../../../db/settings.ts';
import { countStaff } from '../../../db/staff.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import type { setupContract } from './contract.ts';
import { createFirstAdmin } from './create-admin.ts';

export function setupHandlers({ db, clock }: CoreDeps): HandlersFor<typeof setupContract> {
  return {
    'setup/status': () => ({ needsSetup: countStaff(db) === 0, hallName: getSetting(db, 'hall.name') ?? null }),
    'setup/createAdmin': (input) => createFirstAdmin(db, clock, input),
  };
}
