import type { Db } from './connection.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';

export class DatabaseTooNewError extends Error {
  readonly code = 'database_too_new';
  readonly databaseVersion: number;
  readonly appVersion: number;
  constructor(databaseVersion: number, appVersion: number) {
    super(
      `This database has schema version ${databaseVersion}, but this OneWindow only knows up to ` +
        `${appVersion}. It was written by a newer OneWindow: install that version (or newer) ` +
        `instead of opening it with this one, so no data is damaged.`,
    );
    this.databaseVersion = databaseVersion;
    this.appVersion = appVersion;
  }
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function latestVersion(migrations: readonly Migration[] = allMigrations): number {
  return migrations.at(-1)?.version ?? 0;
}

/**
 * Brings the database up to date. All pending migrations run in one transaction, so a
 * crash half-way leaves the old schema intact. A database from a newer app is refused.
 */
export function migrate(db: Db, migrations: readonly Migration[] = allMigrations): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      // user_version lives in the header and is part of this transaction.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    }
  }).immediate();
  return { from, to: latest };
}
