import type { Db } from '../../../db/connection.ts';
import { getSetting, setSetting } from '../../../db/settings.ts';

/**
 * The code the utilities know this hall by (`X-OneWindow-Hall`, the `hall` of every batch).
 * Agreed with the utilities and set by the manager; until then the placeholder below, which a
 * utility will recognise as "not configured yet".
 */
export const UNSET_HALL_CODE = 'UNSET';

export const readHallCode = (db: Db): string => getSetting(db, 'sync.hallCode') ?? UNSET_HALL_CODE;

export const writeHallCode = (db: Db, code: string): void => setSetting(db, 'sync.hallCode', code);
