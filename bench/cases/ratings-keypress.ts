import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SerialPort } from 'serialport';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { silentLogger } from '../../main/core/logger.ts';
import type { SerialProfile } from '../../main/devices/rating/profile.ts';
import { builtinProfiles } from '../../main/devices/rating/profile-library.ts';
import { createRatingDevice } from '../../main/devices/rating/rating-device.ts';
import { createSerialTransport } from '../../main/devices/rating/serial-transport.ts';
import { openFakeReferenceDevice } from '../../main/devices/rating/testing/fake-reference-device.ts';
import { createSocatCable } from '../../main/devices/rating/testing/socat-cable.ts';
import { formatSamples, median, round1 } from '../lib/stats.ts';
import { defineCase } from '../types.ts';

const presses = 500;
const warmup = 20;
const staff = { workNo: '007', name: '张三', window: '3', timeoutSeconds: 30 };

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
 * One series of the product: a scripted reference keypad on one end of a socat pty pair
 * answers each invitation with a key; the driver (serialport, the reference profile)
 * parses it and its onRating callback stores the rating as a row in a SQLite file opened
 * with db/connection.ts (synchronous=FULL: the row is on disk). One press = from just
 * before the keypad's write to just after the INSERT returned.
 */
async function keypressSeries(dataDir: string): Promise<number[]> {
  const builtin = builtinProfiles.find((p) => p.name === 'reference-serial');
  if (builtin?.transport !== 'serial') throw new Error('reference-serial profile missing');
  const profile: SerialProfile = builtin;
  const cable = await createSocatCable();
  const db = openDatabase(join(dataDir, 'ratings.db'));
  try {
    db.exec('CREATE TABLE IF NOT EXISTS bench_rating (id INTEGER PRIMARY KEY, key INTEGER NOT NULL, level INTEGER NOT NULL, rating TEXT NOT NULL, at TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO bench_rating (key, level, rating, at) VALUES (?, ?, ?, ?)');
    const fake = await openFakeReferenceDevice({ path: cable.devicePath, profile, script: { answerPolls: true, onInvite: () => ({ key: 1 + Math.floor(Math.random() * 5) }) } });
    const samples: number[] = [];
    const device = createRatingDevice({
      profile,
      transport: createSerialTransport({ ...profile.serial, path: cable.hostPath }, { logger: silentLogger }),
      address: 1,
      onRating(rated) {
        insert.run(rated.key, rated.level, rated.rating, new Date().toISOString());
        const stored = performance.now();
        if (fake.keySentAt !== undefined) samples.push(stored - fake.keySentAt);
      },
    });
    device.start();
    const until = Date.now() + 5_000;
    while (device.health !== 'connected') {
      if (Date.now() > until) throw new Error(`the driver did not connect to ${cable.hostPath}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    for (let i = 0; i < warmup + presses; i++) {
      const outcome = await device.invite(staff);
      if (typeof outcome === 'string') throw new Error(`invitation ${i} ended ${outcome}`);
    }
    await device.stop();
    await fake.close();
    return samples.slice(warmup);
  } finally {
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
 * a row in SQLite, through a real pty (socat) and serialport's native binding; p99 of
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
        ctx.log(`  run ${run}/${ctx.runs}: keypress→stored p50 ${round1(percentile(stored, 50))} p99 ${round1(value.at(-1)!)} ms; raw pty p50 ${round1(percentile(raw, 50))} p99 ${round1(baseline.at(-1)!)} ms (${stored.length} presses)`);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    ctx.log(`  p99 samples: ${formatSamples(value)}; baseline p99 samples: ${formatSamples(baseline)}`);
    return { value: round1(median(value)), baseline: round1(median(baseline)) };
  },
});
