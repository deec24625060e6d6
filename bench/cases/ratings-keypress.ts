import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SerialPort } from 'serialport';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import { getRatingDeviceHealth } from '../../db/rating-devices.ts';
import { createCore } from '../../main/core/create-core.ts';
import { startRatingDevices } from '../../main/server/rating-devices.ts';
import { startRatingDrivers } from '../../main/server/rating-drivers.ts';
import { silentLogger } from '../../common/logger.ts';
import type { SerialProfile } from '../../common/rating-profile/profile.ts';
import { builtinProfiles } from '../../common/rating-profile/builtin-profiles.ts';
import { profileLibrary } from '../../main/drivers/rating/profile-library.ts';
import { parseRatingDeviceSetting } from '../../main/drivers/rating/device-settings.ts';
import { openFakeReferenceDevice } from '../../main/drivers/rating/testing/fake-reference-device.ts';
import { createSocatCable } from '../../main/drivers/rating/testing/socat-cable.ts';
import { medianOfRuns, round1 } from '../lib/stats.ts';
import { defineCase } from '../types.ts';

const presses = 500;
const warmup = 20;

/** The nearest-rank percentile. */
const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const openPort = async (path: string): Promise<SerialPort> => {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  return port;
};
const closePort = (port: SerialPort) => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));

/**
 * One series of the product: a scripted reference keypad on one end of a socat pty pair,
 * given to counter 1 as the hall's command line would give it; the hall's own rating
 * device hub (main/server/rating-devices.ts) over a real core and a migrated SQLite file
 * (synchronous=FULL). Each customer is issued, called and finished through the core's API;
 * the finish opens the invitation, the hub greets, shows the clerk and invites, the keypad
 * presses a key, and the rating is stored in the ratings table. One press = from just
 * before the keypad's write to the 'ratings/closed' event, emitted after the rating's
 * transaction committed.
 */
async function keypressSeries(dataDir: string): Promise<number[]> {
  const builtin = builtinProfiles.find((p) => p.name === 'reference-serial');
  if (builtin?.transport !== 'serial') throw new Error('reference-serial profile missing');
  const profile: SerialProfile = builtin;
  const cable = await createSocatCable();
  const db = openDatabase(join(dataDir, 'hall.db'));
  migrate(db);
  const core = createCore({ db });
  const hub = startRatingDevices({
    deps: core.deps,
    logger: silentLogger,
    commandLine: [parseRatingDeviceSetting(`counter1=reference-serial:${cable.hostPath}`)],
    openDrivers: (onReport) => startRatingDrivers({ library: profileLibrary(), logger: silentLogger }, onReport),
  });
  try {
    const ok = async <T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> => {
      const r = await result;
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    };
    await ok(core.send('setup/createAdmin', { hallName: 'Bench hall', workNo: 'A001', name: '张三', password: 'Bench2026pass' }));
    const { token } = await ok(core.send('auth/login', { workNo: 'A001', password: 'Bench2026pass' }));
    const overview = await ok(core.send('queue/overview', {}, token));
    const category = overview.categories[0];
    const counter = overview.counters.find((c) => c.number === 1);
    if (!category || !counter) throw new Error('no category or counter 1');
    // Issued at any hour of the night the bench runs.
    const { id, prefix, nameZh, nameEn, utilities, businesses, active, sortOrder } = category;
    await ok(
      core.send(
        'queue/saveCategory',
        { id, prefix, nameZh, nameEn, utilities, businesses, dailyLimit: null, active, sortOrder, opensAt: '00:00', closesAt: '23:59' },
        token,
      ),
    );
    await ok(core.send('queue/openCounter', { counterId: counter.id }, token));

    const fake = await openFakeReferenceDevice({
      path: cable.devicePath,
      profile,
      script: { answerPolls: true, onInvite: () => ({ key: 1 + Math.floor(Math.random() * 5) }) },
    });
    await hub.reconcile();
    const until = Date.now() + 5_000;
    while (getRatingDeviceHealth(db, counter.id)?.health !== 'connected') {
      if (Date.now() > until) throw new Error(`the hall did not connect to ${cable.hostPath}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    const samples: number[] = [];
    for (let i = 0; i < warmup + presses; i++) {
      await ok(core.send('queue/issue', { categoryId: category.id }, token));
      const ticket = await ok(core.send('queue/callNext', { counterId: counter.id }, token));
      if (!ticket) throw new Error('nobody to call');
      const stored = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`press ${i} was not stored within 5 s`)), 5_000);
        const off = core.events.subscribe((event) => {
          if (event.type !== 'ratings/closed') return;
          const at = performance.now();
          off();
          clearTimeout(timer);
          if ((event.payload as { status: string }).status !== 'rated') reject(new Error(`press ${i} ended unrated`));
          else resolve(at);
        });
      });
      await ok(core.send('queue/finish', { counterId: counter.id, ticketId: ticket.id }, token));
      const at = await stored;
      if (fake.keySentAt !== undefined) samples.push(at - fake.keySentAt);
    }
    const rated = db.prepare(`SELECT count(*) AS n FROM ratings WHERE status = 'rated' AND channel = 'serial'`).get() as { n: number };
    if (rated.n !== warmup + presses) throw new Error(`${rated.n} ratings stored, expected ${warmup + presses}`);
    await fake.close();
    return samples.slice(warmup);
  } finally {
    await hub.close();
    closeDatabase(db);
    await cable.dispose();
  }
}

/** The bare part: the same 7-byte key frame written on one pty end, until it is read at the other. */
async function rawSeries(): Promise<number[]> {
  const cable = await createSocatCable();
  const [device, host] = [await openPort(cable.devicePath), await openPort(cable.hostPath)];
  try {
    const keyFrame = Buffer.from([0x02, 0x01, 0x20, 0x01, 0x04, 0x24, 0x03]);
    const samples: number[] = [];
    for (let i = 0; i < warmup + presses; i++) {
      let got = 0;
      const arrived = new Promise<number>((resolve) => {
        const onData = (chunk: Buffer) => {
          got += chunk.length;
          if (got < keyFrame.length) return;
          host.off('data', onData);
          resolve(performance.now());
        };
        host.on('data', onData);
      });
      const sent = performance.now();
      device.write(keyFrame);
      samples.push((await arrived) - sent);
    }
    return samples.slice(warmup);
  } finally {
    await closePort(device);
    await closePort(host);
    await cable.dispose();
  }
}

/**
 * ratings.keypress_to_stored.p99_ms: a key pressed on a serial keypad until its rating is
 * a row of the ratings table, through a real pty (socat), serialport's native binding,
 * the hall's device hub and the core; p99 of
 * 500 presses per run, median over the runs. Baseline: p99 of the raw pty write → read
 * of the same frame. A pty has no baud rate: on a real 9600-baud line the 7-byte frame
 * adds about 7 ms of wire time to both.
 */
export const ratingsKeypress = defineCase({
  name: 'ratings.keypress_to_stored.p99_ms',
  unit: 'ms',
  target: '<= 50',
  async run(ctx) {
    const value: number[] = [];
    const baseline: number[] = [];
    for (let run = 1; run <= ctx.runs; run++) {
      const dataDir = mkdtempSync(join(ctx.cacheDir, 'ratings-'));
      try {
        const stored = await keypressSeries(dataDir);
        const raw = await rawSeries();
        value.push(percentile(stored, 99));
        baseline.push(percentile(raw, 99));
        ctx.log(
          `  run ${run}/${ctx.runs}: keypress→stored p50 ${round1(percentile(stored, 50))} p99 ${round1(value.at(-1)!)} ms; raw pty p50 ${round1(percentile(raw, 50))} p99 ${round1(baseline.at(-1)!)} ms (${stored.length} presses)`,
        );
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    return medianOfRuns(ctx.log, 'keypress', value, baseline);
  },
});
