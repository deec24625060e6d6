import { closeDatabase, openDatabase } from '../../../db/connection.ts';
import { listDevices } from '../../../db/devices.ts';
import { schemaVersion } from '../../../db/migrate.ts';

/** The hall's schema version and devices, read from its database file without writing to it. */
export function readHallFacts(file: string): { schemaVersion: number; devices: ReturnType<typeof listDevices> } {
  const db = openDatabase(file, { readonly: true, mustExist: true });
  try {
    return { schemaVersion: schemaVersion(db), devices: listDevices(db) };
  } finally {
    closeDatabase(db);
  }
}
