import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCategoryByPrefix } from '../../db/categories.ts';
import { type IntakeHall, openIntakeHall } from '../../main/core/intake/intake-testing.ts';
import { RATING_PLATFORM } from '../../main/core/sync/rating-record.ts';
import { createSyncService, type SyncService } from '../../main/utility-link/service.ts';
import { startRatingPlatform, type PlatformServer } from './rating-platform-server.ts';
import { configure, SECRET, tempDir } from './sync-testing.ts';

let hall: IntakeHall;
let platform: PlatformServer;
let dataDir: string;
let service: SyncService;

beforeEach(async () => {
  hall = await openIntakeHall();
  platform = await startRatingPlatform(SECRET, () => hall.now());
  dataDir = tempDir('onewindow-platform-');
  service = createSyncService({ deps: hall.core.deps, dataDir, retry: { attempts: 6, baseMs: 5, maxMs: 50 }, timeoutMs: 400 });
  hall.core.deps.ports.sync = service;
  configure(hall.db, dataDir, { utility: RATING_PLATFORM, baseUrl: platform.url });
});

afterEach(async () => {
  await service.stop();
  await platform.close();
  hall.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** One customer served at counter 1 and rated on its customer screen. */
async function serveAndRate(level: number) {
  const categoryId = getCategoryByPrefix(hall.db, 'A')?.id ?? 0;
  await hall.ok('queue/issue', { categoryId }, hall.clerk);
  const ticket = await hall.ok('queue/callNext', { counterId: hall.counterId }, hall.clerk);
  await hall.ok('queue/finish', { counterId: hall.counterId, ticketId: ticket?.id ?? 0 }, hall.clerk);
  const invitation = await hall.ok('ratings/current', {}, hall.rate);
  return hall.ok('ratings/rate', { ratingId: invitation?.ratingId ?? 0, level }, hall.rate);
}

describe('the 好差评 rating platform', () => {
  it('gets each rating within the minute in its profile’s fields, once under faults, and the rectification as an update of it', async () => {
    const rated = await serveAndRate(4);
    // Due at the scheduler's next minute, whatever the night window says.
    expect(service.checkSchedule()).toContain(RATING_PLATFORM);
    await service.run(RATING_PLATFORM, 'schedule');
    const sent = [...platform.ratings.values()][0];
    expect(sent).toMatchObject({ pjdj: 4, pjdjmc: '不满意', pjqd: '窗口评价器', ck: 1, bbh: 1, zgjg: null });
    expect(Object.keys(sent ?? {})).not.toContain('phone');

    // The rectification: measures, then the customer's verdict, go as versions 2 and 3 of the same rating.
    const task = (await hall.ok('ratings/rectifications', {}, hall.manager)).find((r) => r.ratingId === rated.ratingId);
    await hall.ok('ratings/recordMeasures', { id: task?.id ?? 0, measures: '加强窗口引导' }, hall.manager);
    await hall.ok('ratings/recordVerdict', { id: task?.id ?? 0, verdict: 'satisfied' }, hall.manager);
    platform.faults.push('status-500');
    const second = await service.run(RATING_PLATFORM, 'schedule');
    expect(second, JSON.stringify(second)).toMatchObject({ state: 'succeeded' });
    const updated = platform.ratings.get(String(sent?.pjbh));
    expect(updated).toMatchObject({ zgjg: '加强窗口引导', hfjg: 'satisfied' });
    // Each version arrived once, the 500 notwithstanding (the batch went again under its id).
    expect([...platform.deliveries.values()].every((n) => n === 1)).toBe(true);
    expect(service.checkSchedule()).not.toContain(RATING_PLATFORM);
  });

  it('takes no answer the platform did not sign: the rating stays waiting and goes again under its batch id', async () => {
    await serveAndRate(2);
    platform.faults.push('unsigned-answer');
    expect(await service.run(RATING_PLATFORM, 'schedule')).toMatchObject({ state: 'failed', accepted: 0 });
    const overview = await hall.ok('sync/overview', {}, hall.manager);
    expect(overview.utilities.find((u) => u.utility === RATING_PLATFORM)).toMatchObject({ pending: 1, lastRun: { state: 'failed', reason: 'unsignedAnswer' } });
    expect(await service.run(RATING_PLATFORM, 'schedule')).toMatchObject({ state: 'succeeded', accepted: 1 });
    expect([...platform.deliveries.values()]).toEqual([1]);
  });
});
