import { closeSync, copyFileSync, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeDatabase, openDatabase } from '../../db/connection.ts';
import { listCategories } from '../../db/categories.ts';
import { listCounters, saveCounter, setCounterStatus } from '../../db/counters.ts';
import { insertDevice } from '../../db/devices.ts';
import { migrate } from '../../db/migrate.ts';
import { setSetting } from '../../db/settings.ts';
import { insertStaff } from '../../db/staff.ts';
import { defaultSessionPolicy, openDeviceSession, openStaffSession } from '../../main/core/auth/sessions.ts';
import { systemClock } from '../../main/core/clock.ts';
import { databaseFile } from '../../main/shared/data-dir.ts';
import { secretKeyFile } from '../../main/utility-link/secret-box.ts';
import type { BenchContext } from '../types.ts';
import { timeChild } from './child.ts';
import { postJson } from './http.ts';

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/**
 * A fixed zone where it is now about noon. The hall runs on the real clock; a bench at
 * night must neither find the default opening hours (08:30–17:30) closed nor see the
 * hall's midnight start a new queue day half-way.
 */
export function zoneAtNoon(now: Date): string {
  const offset = 12 - now.getUTCHours();
  if (offset === 0) return 'UTC';
  // POSIX sign: Etc/GMT-8 is eight hours ahead of UTC.
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

export type QueueHallData = {
  dataDir: string;
  /** One clerk per counter, each holding an open counter. */
  clerks: { token: string; counterId: number }[];
  displayTokens: string[];
  categoryIds: number[];
  remove: () => void;
};

/**
 * A fresh hall data folder: migrated, `counters` counters each opened by its own clerk,
 * `displays` paired calling boards; `from`: a database to copy first. Rows and sessions go straight into the database, the
 * way the hall would have them after a morning's logins; nobody logs in during a bench,
 * so the password hash is a placeholder (a real scrypt hash costs 0.5 s an account).
 */
export function prepareQueueHall(ctx: BenchContext, options: { counters: number; displays: number; from?: string }): QueueHallData {
  mkdirSync(ctx.cacheDir, { recursive: true });
  const dataDir = mkdtempSync(join(ctx.cacheDir, 'queue-hall-'));
  // A copy of a fixture's database (forced to the disk, so its writing is over before any timing) or a new one.
  if (options.from) copyDurably(options.from, databaseFile(dataDir));
  const db = openDatabase(databaseFile(dataDir));
  try {
    migrate(db);
    const now = systemClock.now().toISOString();
    setSetting(db, 'hall.name', 'Bench hall');
    setSetting(db, 'hall.timeZone', zoneAtNoon(new Date()));
    const existing = listCounters(db);
    for (let n = existing.length + 1; n <= options.counters; n++) saveCounter(db, { number: n, name: `${n}号窗口`, categoryIds: [], now });
    const counters = listCounters(db).slice(0, options.counters);
    const clerks = counters.map((counter, i) => {
      const staff = insertStaff(db, {
        workNo: `C${String(i + 1).padStart(4, '0')}`,
        name: `Clerk ${i + 1}`,
        passwordHash: 'bench-placeholder-no-login',
        roles: ['clerk'],
        now,
      });
      setCounterStatus(db, counter.id, { status: 'open', staffId: staff.id, reason: null, at: now, event: 'opened' });
      return { token: openStaffSession(db, systemClock, defaultSessionPolicy, staff.id).token, counterId: counter.id };
    });
    const displayTokens = Array.from({ length: options.displays }, (_, i) => {
      const device = insertDevice(db, { name: `Board ${i + 1}`, role: 'display', counterId: null, pairedAt: now });
      return openDeviceSession(db, systemClock, defaultSessionPolicy, device.id).token;
    });
    const categoryIds = listCategories(db).map((c) => c.id);
    return {
      dataDir,
      clerks,
      displayTokens,
      categoryIds,
      remove() {
        rmSync(dataDir, { recursive: true, force: true });
        // A hall started on the folder keeps its secrets' key beside it.
        rmSync(secretKeyFile(dataDir), { force: true });
      },
    };
  } finally {
    closeDatabase(db);
  }
}

/** Copies a file and waits until the copy is on the disk. */
function copyDurably(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export type RunningServer = { url: string; stop: () => Promise<void> };

/** Spawns a server child (`node <args>`) and waits for its "listening on URL" line. */
export async function spawnServer(ctx: BenchContext, args: string[]): Promise<RunningServer> {
  let url = '';
  const child = await timeChild({
    args,
    cwd: ctx.root,
    ready(line) {
      const found = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (found) url = found;
      return Boolean(found);
    },
  });
  return { url, stop: child.stop };
}

/** The real hall server on a prepared data folder, with an empty backup folder of its own. */
export async function spawnHall(ctx: BenchContext, dataDir: string): Promise<RunningServer> {
  const backupDir = join(dataDir, 'backups');
  const server = await spawnServer(ctx, [
    join(ctx.root, 'main/server/cli.ts'),
    '--data',
    dataDir,
    '--port',
    '0',
    '--log-level',
    'warn',
    '--backup-dir',
    backupDir,
  ]);
  return server;
}

/** The bare framework (bench/children/bare-fastify.ts); with `dbFile`, its POST /api/bench/commit commits a row there durably. */
export const spawnBareFastify = (ctx: BenchContext, dbFile?: string): Promise<RunningServer> =>
  spawnServer(ctx, [join(ctx.root, 'bench/children/bare-fastify.ts'), ...(dbFile ? [dbFile] : [])]);

/**
 * Keep-alive POSTs, as a kiosk or a counter screen keeps its connection to the hall.
 * node:http rather than fetch so the client's own cost stays small and steady.
 */
export function httpClient(maxSockets = 64) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const post = (url: string, body: unknown, token?: string) => postJson(url, body, { agent, token });
  return { post, close: () => agent.destroy() };
}

/** Fails the bench with the server's answer when a call did not succeed. */
export function expectOk(method: string, res: { status: number; body: unknown }): unknown {
  const body = res.body as { ok?: boolean; value?: unknown } | undefined;
  if (res.status !== 200 || !body?.ok) throw new Error(`${method} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return body.value;
}

export type Screens = {
  /** Called with every event message, and the time it arrived. */
  onEvent: (listener: (event: { type: string; payload: unknown }, at: number) => void) => void;
  close: () => Promise<void>;
};

/**
 * At most this many screens connect at once: the hall closes a socket beyond 8 from one
 * address that has not said hello yet (main/server/push.ts), and every bench screen comes
 * from 127.0.0.1.
 */
const CONNECTING_AT_ONCE = 6;

/** Connects `tokens.length` screens to /api/events and waits for each one's hello. */
export async function connectScreens(url: string, tokens: readonly string[]): Promise<Screens> {
  const listeners: ((event: { type: string; payload: unknown }, at: number) => void)[] = [];
  const connect = (token: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/events`);
      const timer = setTimeout(() => reject(new Error('a screen got no hello within 10 s')), 10_000);
      socket.addEventListener('error', () => reject(new Error('a screen could not connect')));
      socket.addEventListener('open', () => socket.send(JSON.stringify({ token })));
      socket.addEventListener('close', (e) => reject(new Error(`a screen was closed (${e.code} ${e.reason})`)));
      socket.addEventListener('message', (e) => {
        const at = performance.now();
        const message = JSON.parse(String(e.data)) as { kind: string; event?: { type: string; payload: unknown } };
        if (message.kind === 'hello') {
          clearTimeout(timer);
          resolve(socket);
        } else if (message.kind === 'event' && message.event) {
          for (const listener of listeners) listener(message.event, at);
        }
      });
    });
  const sockets: WebSocket[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONNECTING_AT_ONCE, tokens.length) }, async () => {
      while (next < tokens.length) sockets.push(await connect(tokens[next++]!));
    }),
  );
  return {
    onEvent: (listener) => listeners.push(listener),
    async close() {
      await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<void>((resolve) => {
              if (socket.readyState === WebSocket.CLOSED) return resolve();
              socket.addEventListener('close', () => resolve(), { once: true });
              socket.close();
            }),
        ),
      );
    },
  };
}

/**
 * Open-loop load: request i is due at start + i/rate whatever the earlier ones are doing,
 * as kiosks do not wait for each other. Latency counts from the due time, so a server that
 * falls behind shows it (no coordinated omission).
 */
export async function openLoop(fire: (i: number) => Promise<void>, ratePerSecond: number, durationMs: number): Promise<number[]> {
  const interval = 1000 / ratePerSecond;
  const total = Math.round(durationMs / interval);
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now() + 5;
  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        const due = start + next * interval;
        pending.push(fire(next).then(() => void latencies.push(performance.now() - due)));
        next++;
      }
      if (next >= total) return done();
      setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(pending);
  return latencies;
}

/** Closed-loop load: `concurrency` callers each send the next request as soon as the last answers; completions per second. */
export async function closedLoop(fire: (i: number) => Promise<void>, concurrency: number, durationMs: number): Promise<number> {
  let issued = 0;
  let completed = 0;
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await fire(issued++);
        completed++;
      }
    }),
  );
  return completed / ((performance.now() - start) / 1000);
}
