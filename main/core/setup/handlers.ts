import { getSetting } from '../../../db/settings.ts';
import { countStaff } from '../../../db/staff.ts';
import type { HandlersFor } from '../api/registry.ts';
import type { CoreDeps } from '../deps.ts';
import type { setupContract } from './contract.ts';
import { createFirstAdmin } from './create-admin.ts';
import { confirmHours, readChecklist } from './checklist.ts';
import { fail } from '../api/errors.ts';
import { sameDigits } from '../auth/tokens.ts';

/**
 * Whoever creates the first administrator owns the hall, so it is done from the server's own
 * machine (the desktop app, a browser on it, `npm run setup-admin`) or with the one-time code
 * the hall server printed on its console at start — never by the first stranger on the LAN.
 */
export function setupHandlers({ db, clock, ports, logger }: CoreDeps): HandlersFor<typeof setupContract> {
  const codeMatches = (given: string | undefined) => {
    const expected = ports.setupCode?.();
    return expected !== undefined && given !== undefined && sameDigits(given, expected);
  };
  return {
    'setup/status': (_input, { origin }) => ({
      needsSetup: countStaff(db) === 0,
      hallName: getSetting(db, 'hall.name') ?? null,
      needsSetupCode: !origin.local,
    }),
    'setup/createAdmin': ({ setupCode, ...input }, { origin }) => {
      if (!origin.local && !codeMatches(setupCode)) {
        logger.warn({ source: origin.source }, 'first-run setup refused: not local and no valid setup code');
        return fail('forbidden', 'errors.setupCodeRequired', { fields: [{ path: 'setupCode', key: 'field.setupCodeInvalid' }] });
      }
      return createFirstAdmin(db, clock, input);
    },
    'setup/checklist': () => readChecklist(db),
    'setup/confirmHours': (_input, { caller }) => confirmHours(db, clock, caller),
  };
}
