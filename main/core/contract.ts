import { mergeContracts } from './api/method.ts';
import { domainContracts } from './domains.ts';

/**
 * The whole API, declared once. Both transports dispatch through the registry built
 * from it, the renderer's send() is typed from it, and /api/openapi.json is generated
 * from it. A name declared by two domains throws here at start-up.
 */
export const contract = mergeContracts(...Object.values(domainContracts));

export type Contract = typeof contract;
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- & string keeps MethodName usable in template literals should Contract ever gain a non-string key
export type MethodName = keyof Contract & string;
