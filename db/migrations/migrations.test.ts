import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from './index.ts';
import type { Migration } from './migration.ts';

/**
 * The append-only guard. A landed migration has already run on halls' databases, so
 * editing it would leave those halls with a schema no fresh install has. Changes go
 * into a new numbered file instead, and this test makes the rule hard to break by accident.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const MIGRATION_FILE = /^(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)\.ts$/;

const migrationFiles = fs
  .readdirSync(here)
  .filter((name) => MIGRATION_FILE.test(name))
  .sort();

const parse = (file: string): { version: number; name: string } => {
  const match = MIGRATION_FILE.exec(file);
  if (!match?.[1] || !match[2]) throw new Error(`${file} is not a migration file name`);
  return { version: Number(match[1]), name: match[2] };
};

// Hashed with LF line endings so a Windows checkout (autocrlf) does not look like an edit.
const sha256 = (file: string): string =>
  createHash('sha256').update(fs.readFileSync(path.join(here, file), 'utf8').replace(/\r\n/g, '\n')).digest('hex');

const checksums: Record<string, string> = JSON.parse(fs.readFileSync(path.join(here, 'checksums.json'), 'utf8'));

const isMigration = (value: unknown): value is Migration =>
  typeof value === 'object' && value !== null && 'version' in value && 'up' in value;

describe('db/migrations', () => {
  it('has at least one migration', () => {
    expect(migrationFiles.length).toBeGreaterThan(0);
  });

  it('names every migration file NNNN-name.ts', () => {
    const strays = fs
      .readdirSync(here)
      .filter((name) => /^\d/.test(name) && !name.endsWith('.test.ts') && !MIGRATION_FILE.test(name));
    expect(strays, 'migration files are named like 0002-counter-hours.ts (four digits, dash, lower-case words)').toEqual([]);
  });

  it('numbers the files 1..N without gaps or repeats', () => {
    const versions = migrationFiles.map((file) => parse(file).version);
    expect(versions).toEqual(migrationFiles.map((_file, i) => i + 1));
  });

  it('lists every file, in order, in the migrations array of index.ts', async () => {
    expect(
      migrations.map((m) => m.version),
      'db/migrations/index.ts must list every migration file exactly once, in order',
    ).toEqual(migrationFiles.map((file) => parse(file).version));
    for (const [i, file] of migrationFiles.entries()) {
      const stem = file.replace(/\.ts$/, '');
      const exported = Object.values(await import(`./${stem}.ts`)).filter(isMigration);
      expect(exported, `${file} exports exactly one migration`).toHaveLength(1);
      const { version, name } = parse(file);
      expect(migrations[i], `migrations[${i}] in index.ts is the migration of ${file}`).toBe(exported[0]);
      expect(migrations[i]?.version, `${file} declares version ${version}`).toBe(version);
      expect(migrations[i]?.name, `${file} declares the name in its file name`).toBe(name);
    }
  });

  it('has a test beside every migration file', () => {
    const untested = migrationFiles.filter((file) => !fs.existsSync(path.join(here, file.replace(/\.ts$/, '.test.ts'))));
    expect(untested, 'every migration NNNN-name.ts needs a NNNN-name.test.ts beside it').toEqual([]);
  });

  it('has not changed a landed migration (checksums.json)', () => {
    const problems: string[] = [];
    for (const file of migrationFiles) {
      const actual = sha256(file);
      const recorded = checksums[file];
      if (recorded === undefined) {
        problems.push(`${file} is new: add "${file}": "${actual}" to db/migrations/checksums.json`);
      } else if (recorded !== actual) {
        problems.push(
          `${file} was edited after it landed (sha256 ${actual}, recorded ${recorded}). ` +
            'Add a new migration instead of editing a landed one, and undo the edit.',
        );
      }
    }
    for (const file of Object.keys(checksums)) {
      if (!migrationFiles.includes(file)) problems.push(`${file} is in checksums.json but its file is gone: a landed migration is never removed`);
    }
    expect(problems).toEqual([]);
  });

  it('only adds to the schema: no DROP TABLE, DROP COLUMN or RENAME', () => {
    // An older app version may still open a restored backup; dropping or renaming breaks
    // it and loses data. Deprecate a column and stop using it instead.
    // Matched as SQL syntax, so seed data such as a 'rename' business type is not caught.
    const destructive = /\bDROP\s+(?:TABLE|COLUMN)\b|\bRENAME\s+(?:TO|COLUMN)\b|\bALTER\s+TABLE\s+\S+\s+RENAME\b/i;
    const offenders = migrationFiles.filter((file) => destructive.test(fs.readFileSync(path.join(here, file), 'utf8')));
    expect(offenders, 'migrations are additive only').toEqual([]);
  });
});
