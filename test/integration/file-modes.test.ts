import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdmin, login, postOk, startTestHall, type TestHall } from './hall-fixture.ts';

let hall: TestHall | undefined;
afterEach(async () => {
  await hall?.stop();
  hall = undefined;
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the hall’s files on disk', () => {
  it('are its own user’s alone: the data and backup folders 0700, the database, its WAL and backups 0600', async () => {
    hall = await startTestHall();
    const admin = await login(hall.url, await createAdmin(hall.url));
    const backup = await postOk<{ name: string }>(hall.url, 'backups/run', {}, admin);
    expect(mode(hall.dataDir)).toBe(0o700);
    expect(mode(join(hall.dataDir, 'onewindow.db'))).toBe(0o600);
    expect(mode(join(hall.dataDir, 'onewindow.db-wal'))).toBe(0o600);
    expect(mode(join(hall.dataDir, 'backups'))).toBe(0o700);
    expect(mode(join(hall.dataDir, 'backups', backup.name))).toBe(0o600);
  });
});
