import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, type Db, openDatabase } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import type { Result } from './api/errors.ts';
import { type Core, type CoreOptions, createCore } from './create-core.ts';

/**
 * A core on a real, migrated SQLite file in a temp folder, with a clock the test moves.
 * For tests only: nothing in the app imports this.
 */
export type TestHall = {
  core: Core;
  db: Db;
  now: () => Date;
  advanceMinutes: (minutes: number) => void;
  /** Sets the clock to an instant, e.g. just before the hall's midnight. */
  setTime: (iso: string) => void;
  close: () => void;
};

export function openTestHall(options: Omit<CoreOptions, 'db' | 'clock'> = {}): TestHall {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-core-'));
  const db = openDatabase(path.join(dir, 'hall.db'));
  migrate(db);
  let current = new Date('2025-03-03T01:00:00.000Z');
  const core = createCore({ ...options, db, clock: { now: () => current } });
  return {
    core,
    db,
    now: () => current,
    advanceMinutes(minutes) {
      current = new Date(current.getTime() + minutes * 60_000);
    },
    setTime(iso) {
      const next = new Date(iso);
      if (Number.isNaN(next.getTime())) throw new Error(`not a time: ${iso}`);
      current = next;
    },
    close() {
      closeDatabase(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The value of a successful call; a failed one throws with its error so the test shows why. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export const admin = { hallName: 'North Hall', workNo: 'A001', name: 'Wang Fang', password: 'Admin1234-north' };

/** Runs first-time setup and signs the administrator in (two password hashes). */
export async function setUpAdmin(hall: TestHall): Promise<{ token: string; staffId: number }> {
  const { staff } = unwrap(await hall.core.send('setup/createAdmin', admin));
  const { token } = unwrap(await hall.core.send('auth/login', { workNo: admin.workNo, password: admin.password }));
  return { token, staffId: staff.id };
}
