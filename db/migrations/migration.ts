import type { Db } from '../connection.ts';

/**
 * One schema step. Migrations are append-only: a landed file is never edited
 * (checksums.json and migrations.test.ts guard that); a change is a new number.
 */
export type Migration = {
  version: number;
  name: string;
  up: (db: Db) => void;
};
