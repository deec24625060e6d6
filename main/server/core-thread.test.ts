import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { databaseFile } from '../shared/data-dir.ts';
import { silentLogger } from '../../common/logger.ts';
import { systemClock } from '../core/clock.ts';
import { startCoreThread } from './core-thread-client.ts';
import type { RatingDrivers } from './rating-drivers.ts';
import { createAdmin, login, nextWorkNo, PASSWORD, post, startTestHall, type TestHall } from '../../test/integration/hall-fixture.ts';

let hall: TestHall | undefined;
afterEach(async () => {
  await hall?.stop();
  hall = undefined;
});

describe("the hall's core in its own thread", () => {
  it('keeps serving while a write waits for the disk, then answers the write once it is kept', async () => {
    hall = await startTestHall();
    const admin = await createAdmin(hall.url);
    const token = await login(hall.url, admin);
    // Another process holds the database's write lock: the hall's writer waits for it (busy timeout 5 s),
    // as it waits behind a slow fsync on a busy disk.
    const other = openDatabase(databaseFile(hall.dataDir));
    other.exec('BEGIN IMMEDIATE');
    let released = false;
    try {
      const workNo = nextWorkNo();
      const write = post<{ id: number }>(hall.url, 'staff/create', { workNo, name: 'Waiting clerk', password: PASSWORD, roles: ['clerk'] }, token).then(
        (answer) => ({
          answer,
          released,
        }),
      );
      await sleep(300);
      // The event loop that serves the screens is not the one waiting: its routes answer now.
      const openApi = await fetch(`${hall.url}/api/openapi.json`);
      expect(openApi.status).toBe(200);
      const pending = await Promise.race([write.then(() => 'answered'), sleep(50).then(() => 'pending')]);
      expect(pending).toBe('pending');
      other.exec('COMMIT');
      released = true;
      const { answer, released: answeredAfterRelease } = await write;
      expect(answeredAfterRelease).toBe(true);
      expect(answer.body).toMatchObject({ ok: true });
    } finally {
      if (!released) other.exec('ROLLBACK');
      closeDatabase(other);
    }
  });

  it('says when the core thread dies while the hall runs, and answers every call after with an internal error', async () => {
    const noDrivers: RatingDrivers = { apply: async () => {}, port: { invite: async () => ({ kind: 'none' }), cancel: async () => {} }, close: async () => {} };
    // A stand-in thread that starts and then throws (test/fixtures/crashing-core-thread.ts).
    const thread = await startCoreThread(
      { dataDir: '/nonexistent', releasesDir: '/nonexistent' },
      systemClock,
      silentLogger,
      'silent',
      () => noDrivers,
      new URL('../../test/fixtures/crashing-core-thread.ts', import.meta.url),
    );
    const error = await thread.failed;
    expect(error.message).toContain('the core fell over');
    expect(await thread.backend.call('setup/status', {}, undefined)).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
    await expect(thread.backend.resolve(undefined)).rejects.toThrow();
    await thread.close();
  });
});
