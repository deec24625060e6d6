import { mergeContracts } from './api/method.ts';
import { authContract } from './auth/contract.ts';
import { devicesContract } from './devices/contract.ts';
import { hallContract } from './hall/contract.ts';
import { intakeContract } from './intake/contract.ts';
import { queueContract } from './queue/contract.ts';
import { setupContract } from './setup/contract.ts';
import { staffContract } from './staff/contract.ts';

/**
 * The whole API, declared once. Both transports dispatch through the registry built
 * from it, the renderer's send() is typed from it, and /api/openapi.json is generated
 * from it. A name declared by two domains throws here at start-up.
 */
export const contract = mergeContracts(setupContract, authContract, staffContract, devicesContract, hallContract, queueContract, intakeContract);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
