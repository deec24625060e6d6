import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../connection.ts';
import { migrate } from '../migrate.ts';

/**
 * For a test file: a freshly migrated database file in its own folder for each test, closed and
 * removed after it. A real SQLite file, as the hall opens one, not an in-memory stand-in.
 * Call at the top of a describe (or the file); read the connection inside a test.
 */
export function scratchDatabase(name: string): () => Db {
  let dir: string | undefined;
  let db: Db | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), `onewindow-${name}-`));
    db = openDatabase(join(dir, 'hall.db'));
    migrate(db);
  });
  afterEach(() => {
    if (db) closeDatabase(db);
    if (dir) rmSync(dir, { recursive: true, force: true });
    db = undefined;
    dir = undefined;
  });
  return () => {
    if (!db) throw new Error('the scratch database is open only inside a test');
    return db;
  };
}
