import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdmin, createStaff, login, post, startTestHall, type TestHall } from './hall-fixture.ts';

let hall: TestHall | undefined;
afterEach(async () => {
  await hall?.stop();
  hall = undefined;
});

const folder = (outDir: string, replyDir: string) => ({
  utility: 'gas',
  kind: 'folder',
  enabled: false,
  outDir,
  replyDir,
  secret: 'a-secret-of-sixteen-chars',
});

describe('sync connectors are the administrator’s, and write only where the operator allowed', () => {
  it('refuses a manager, and any folder outside the data folder’s sync-drops, even for the administrator', async () => {
    hall = await startTestHall();
    const admin = await login(hall.url, await createAdmin(hall.url));
    const manager = await createStaff(hall.url, admin, ['manager']);
    const drops = join(hall.dataDir, 'sync-drops');

    expect((await post(hall.url, 'sync/saveConnector', folder(join(drops, 'gas-out'), join(drops, 'gas-in')), manager.token)).status).toBe(403);

    const escape = await post(hall.url, 'sync/saveConnector', folder('/etc/cron.d', join(drops, '..', '..', 'elsewhere')), admin);
    expect(escape.body).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        details: {
          fields: [
            { path: 'outDir', key: 'field.dropOutsideRoots' },
            { path: 'replyDir', key: 'field.dropOutsideRoots' },
          ],
        },
      },
    });
    expect((await post(hall.url, 'sync/saveConnector', folder(join(drops, 'gas-out'), join(drops, 'gas-in')), admin)).body).toMatchObject({ ok: true });
  });
});
