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
import { auditContract } from './audit/contract.ts';
import { backupsContract } from './backups/contract.ts';
import { calendarContract } from './calendar/contract.ts';
import { catalogueContract } from './catalogue/contract.ts';
import { customersContract } from './customers/contract.ts';
import { diagnosticsContract } from './diagnostics/contract.ts';
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
export const contract = mergeContracts(setupContract, authContract, staffContract, devicesContract, hallContract, queueContract, catalogueContract, calendarContract, customersContract, intakeContract, ratingsContract, syncContract, reportsContract, complaintsContract, followupsContract, auditContract, backupsContract, staffProfileContract, privacyContract, updatesContract, diagnosticsContract);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
