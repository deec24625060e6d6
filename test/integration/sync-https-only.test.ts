import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type IntakeHall, openIntakeHall } from '../../main/core/intake/intake-testing.ts';
import { writeHallCode } from '../../main/core/sync/hall-code.ts';
import { createSyncService, type SyncService } from '../../main/utility-link/service.ts';
import { configure, outboxStates, queueRecords, SECRET, tempDir } from './sync-testing.ts';

let hall: IntakeHall;
let dataDir: string;
let service: SyncService;

beforeEach(async () => {
  hall = await openIntakeHall();
  dataDir = tempDir('onewindow-sync-https-');
  service = createSyncService({ deps: hall.core.deps, dataDir, retry: { attempts: 2, baseMs: 5, maxMs: 10 }, timeoutMs: 400 });
  hall.core.deps.ports.sync = service;
  writeHallCode(hall.db, 'HALL-NORTH-01');
});

afterEach(async () => {
  await service.stop();
  hall.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const save = (baseUrl: string, utility = 'gas') =>
  hall.send('sync/saveConnector', { utility, kind: 'http', enabled: true, baseUrl, secret: SECRET }, hall.admin);

describe('connectors speak https, except to this computer', () => {
  it('refuses to save a plain http address off this computer, for a utility and for the rating platform', async () => {
    for (const [baseUrl, utility] of [
      ['http://sync.gas.example.cn/onewindow', 'gas'],
      ['http://10.20.0.5:8080/sync', 'gas'],
      ['http://hcp.example.gov.cn', 'ratingPlatform'],
    ] as const) {
      expect(await save(baseUrl, utility), baseUrl).toMatchObject({
        ok: false,
        error: { code: 'validation', details: { fields: [{ path: 'baseUrl', key: 'field.httpsRequired' }] } },
      });
    }
    expect(hall.db.prepare('SELECT count(*) AS n FROM sync_connectors').get()).toEqual({ n: 0 });
    for (const baseUrl of ['https://sync.gas.example.cn/onewindow', 'http://127.0.0.1:8080/sync', 'http://localhost:8080/sync', 'http://[::1]:8080/sync']) {
      expect(await save(baseUrl), baseUrl).toMatchObject({ ok: true });
    }
  });

  it('sends nothing to a plain http address stored before the rule, and says why', async () => {
    // As a hall upgraded from onewindow.sync/1 may hold it.
    configure(hall.db, dataDir, { utility: 'gas', baseUrl: 'http://sync.gas.example.cn/onewindow' });
    queueRecords(hall.db, 'gas', 5);
    expect(await service.run('gas', 'manual')).toMatchObject({ state: 'failed', sent: 0 });
    const overview = await hall.ok('sync/overview', {}, hall.manager);
    expect(overview.utilities.find((u) => u.utility === 'gas')).toMatchObject({
      pending: 5,
      openBatches: 0,
      lastRun: { state: 'failed', reason: 'insecureUrl' },
    });
    // No batch was even written: the refusal came before anything could go out.
    expect(hall.db.prepare('SELECT count(*) AS n FROM sync_batches').get()).toEqual({ n: 0 });
    expect(outboxStates(hall.db, 'gas')).toEqual({ pending: 5 });
    expect(await hall.ok('sync/testConnection', { utility: 'gas' }, hall.admin)).toEqual({ ok: false, reason: 'insecureUrl' });
  });
});
