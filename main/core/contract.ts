import { mergeContracts } from './api/method.ts';
import { authContract } from './auth/contract.ts';
import { devicesContract } from './devices/contract.ts';
import { hallContract } from './hall/contract.ts';
import { intakeContract } from './intake/contract.ts';
import { queueContract } from './queue/contract.ts';
import { ratingsContract } from './ratings/contract.ts';
import { reportsContract } from './reports/contract.ts';
import { setupContract } from './setup/contract.ts';
import { staffContract } from './staff/contract.ts';
import { syncContract } from './sync/contract.ts';
import { adminContract } from './admin/contract.ts';
import { complaintsContract } from './complaints/contract.ts';
import { followupsContract } from './followups/contract.ts';
import { staffProfileContract } from './staff/profile-contract.ts';
import { privacyContract } from './privacy/contract.ts';
import { updatesContract } from './updates/contract.ts';

/**
 * The whole API, declared once. Both transports dispatch through the registry built
 * from it, the renderer's send() is typed from it, and /api/openapi.json is generated
 * from it. A name declared by two domains throws here at start-up.
 */
export const contract = mergeContracts(setupContract, authContract, staffContract, devicesContract, hallContract, queueContract, intakeContract, ratingsContract, syncContract, reportsContract, complaintsContract, followupsContract, adminContract, staffProfileContract, privacyContract, updatesContract);

export type Contract = typeof contract;
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- & string keeps MethodName usable in template literals should Contract ever gain a non-string key
export type MethodName = keyof Contract & string;
