import { randomUUID } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { type BatchRecord, getConnector, lastRun, listConnectors, pendingCount, type RunTrigger } from '../../db/sync.ts';
import { defaultSessionPolicy } from '../core/auth/sessions.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import { type CoreDeps, defaultPorts } from '../core/deps.ts';
import { createEventBus } from '../core/events.ts';
import { hallTimeZone } from '../core/hall/time-zone.ts';
import type { SyncPort, ConnectionTest } from '../core/sync/port.ts';
import type { Connector } from './connector.ts';
import { createFolderConnector } from './folder-connector.ts';
import { createHttpConnector } from './http-connector.ts';
import { readHallCode } from '../core/sync/hall-code.ts';
import type { RetryPolicy } from './retry.ts';
import { type RunOutcome, runUtilitySync, type SyncProgress } from './run-sync.ts';
import { createSecretBox, type SecretBox, secretKeyFile } from './secret-box.ts';
import { dueTrigger } from './window.ts';
import { syncFailureReason } from '../core/sync/failure-reason.ts';
import { type BatchHeader, batchBodyParts } from './protocol.ts';
import { RATING_PLATFORM } from '../core/sync/rating-record.ts';
import { RATING_PROTOCOL, ratingPlatformBody, referenceProfile } from './rating-platform.ts';

export type SyncServiceOptions = {
  deps: CoreDeps;
  dataDir: string;
  /** The hall's secret box (its key outside the data folder or in the OS keychain); default the data folder's key file beside it. */
  box?: SecretBox;
  retry?: RetryPolicy;
  timeoutMs?: number;
  onProgress?: (progress: SyncProgress) => void;
  /** Folders besides <data>/sync-drops that folder connectors may use (--drop-root). */
  dropRoots?: readonly string[];
};

export type SyncService = SyncPort & {
  /** Runs a utility now and resolves when it is done (a run already going is joined). */
  run: (utility: string, trigger: RunTrigger) => Promise<RunOutcome>;
  /** Starts every due run (catch-up after a missed night, or tonight's window). */
  checkSchedule: () => string[];
  /** Checks the schedule at once and then every minute. */
  startScheduler: () => void;
  /** Stops the scheduler, cuts retry waits short and waits for runs in progress to end. */
  stop: () => Promise<void>;
};

/** This process as a lease holder, and whether a holder on this machine is gone. */
export const processOwner = (): string => `${process.pid}@${hostname()}`;

export function ownerIsGone(owner: string): boolean {
  const [pid, host] = owner.split('@');
  if (host !== hostname() || !pid) return false; // another machine: wait for the lease to expire
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'ESRCH';
  }
}

/** The sync engine of one process: connectors from the database, runs, the nightly schedule. */
export function createSyncService(options: SyncServiceOptions): SyncService {
  const { deps } = options;
  const box = options.box ?? createSecretBox({ keyFile: secretKeyFile(options.dataDir) });
  const running = new Map<string, Promise<RunOutcome>>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stopping = new AbortController();

  const connector = (utility: string): Connector => {
    const row = getConnector(deps.db, utility);
    if (!row) throw new Error(`no connector for ${utility}`);
    if (!row.secretCipher) throw new Error(`no secret set for ${utility}`);
    const secret = box.open(row.secretCipher);
    const hall = readHallCode(deps.db);
    // The hall clock, never the PC's: requests carry its time and answers are judged by it.
    const now = () => deps.clock.now();
    if (row.utility === RATING_PLATFORM) {
      // The 好差评 platform: ratings in its profile's fields to {base}/ratings, signed and idempotent like a batch.
      const profile = referenceProfile;
      const shape = {
        protocol: RATING_PROTOCOL,
        path: '/ratings',
        body: (header: BatchHeader, records: readonly BatchRecord[]) => ratingPlatformBody(profile, header, records),
      };
      return createHttpConnector({ baseUrl: row.baseUrl ?? '', hall, secret, now, timeoutMs: options.timeoutMs, shape });
    }
    if (row.kind === 'http') return createHttpConnector({ baseUrl: row.baseUrl ?? '', hall, secret, now, timeoutMs: options.timeoutMs });
    return createFolderConnector({ outDir: row.outDir ?? '', replyDir: row.replyDir ?? '', hall, secret });
  };

  const run = (utility: string, trigger: RunTrigger): Promise<RunOutcome> => {
    const going = running.get(utility);
    if (going) return going;
    const promise = runUtilitySync(
      {
        deps,
        connector,
        owner: processOwner(),
        isGone: ownerIsGone,
        retry: options.retry,
        signal: stopping.signal,
        onProgress: (p) => {
          deps.events.emit('sync/progress', p, ['manager', 'admin']);
          options.onProgress?.(p);
        },
      },
      utility,
      trigger,
    ).finally(() => running.delete(utility));
    running.set(utility, promise);
    promise.catch((err: unknown) => deps.logger.error({ err, utility }, 'sync run crashed'));
    return promise;
  };

  const start = (utilities: string[], trigger: RunTrigger): string[] => {
    for (const utility of utilities) void run(utility, trigger).catch(() => undefined);
    return utilities;
  };

  const checkSchedule = (): string[] => {
    const now = deps.clock.now();
    const timeZone = hallTimeZone(deps.db);
    const due: Partial<Record<RunTrigger, string[]>> = {};
    for (const c of listConnectors(deps.db)) {
      if (!c.enabled || running.has(c.utility)) continue;
      // Ratings reach the 好差评 platform within a minute (评价数据实时汇聚), not at night: whenever some wait.
      if (c.utility === RATING_PLATFORM) {
        if (pendingCount(deps.db, c.utility) > 0) (due.schedule ??= []).push(c.utility);
        continue;
      }
      const trigger = dueTrigger(
        now,
        timeZone,
        { start: c.windowStart, end: c.windowEnd },
        {
          successAt: lastRun(deps.db, c.utility, 'succeeded')?.startedAt ?? null,
          attemptAt: lastRun(deps.db, c.utility)?.startedAt ?? null,
        },
      );
      if (trigger) (due[trigger] ??= []).push(c.utility);
    }
    return [...start(due.schedule ?? [], 'schedule'), ...start(due.catchup ?? [], 'catchup')];
  };

  const testConnection = async (utility: string): Promise<ConnectionTest> => {
    const row = getConnector(deps.db, utility);
    const started = performance.now();
    const failed = (error: unknown): ConnectionTest => ({
      ok: false,
      reason: syncFailureReason(error instanceof Error ? error.message : String(error)) ?? 'other',
    });
    if (!row) return { ok: false, reason: 'other' };
    if (row.kind === 'folder') {
      // A test must not leave a batch for the utility to take in: the folders are checked instead.
      try {
        await mkdir(row.outDir ?? '', { recursive: true });
        await access(row.outDir ?? '', fsConstants.W_OK);
        await access(row.replyDir ?? '', fsConstants.R_OK);
        return { ok: true, ms: Math.round(performance.now() - started) };
      } catch (error) {
        return failed(error);
      }
    }
    let c: Connector | undefined;
    try {
      c = connector(utility);
      const header = { hall: readHallCode(deps.db), utility, batchId: `test-${randomUUID()}`, createdAt: deps.clock.now().toISOString() };
      await c.send(header, batchBodyParts(header, []), []);
      return { ok: true, ms: Math.round(performance.now() - started) };
    } catch (error) {
      return failed(error);
    } finally {
      c?.close?.();
    }
  };

  return {
    run,
    testConnection,
    runNow(utility, trigger) {
      const utilities =
        utility === null
          ? listConnectors(deps.db)
              .filter((c) => c.enabled)
              .map((c) => c.utility)
          : [utility];
      for (const u of utilities) {
        const c = getConnector(deps.db, u);
        if (!c || !c.enabled) throw new Error(`no enabled connector for ${u}`);
      }
      return start(utilities, trigger);
    },
    sealSecret: (plain) => box.seal(plain),
    dropRoots: () => [join(options.dataDir, 'sync-drops'), ...(options.dropRoots ?? [])],
    checkSchedule,
    startScheduler() {
      if (timer) return;
      const tick = () => {
        try {
          checkSchedule();
        } catch (err) {
          deps.logger.error({ err }, 'sync schedule check failed');
        }
      };
      tick();
      timer = setInterval(tick, 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      stopping.abort();
      await Promise.allSettled([...running.values()]);
    },
  };
}

/**
 * The core is built before the sync service (which needs the core's deps), so the core gets
 * this port first and the service is attached to it right after.
 */
export function lateSyncPort(): { port: SyncPort; attach: (service: SyncService) => void } {
  let service: SyncService | undefined;
  const current = (): SyncService => {
    if (!service) throw new Error('sync service not started');
    return service;
  };
  return {
    port: {
      runNow: (utility, trigger) => current().runNow(utility, trigger),
      sealSecret: (plain) => current().sealSecret(plain),
      dropRoots: () => current().dropRoots(),
      testConnection: (utility) => current().testConnection(utility),
    },
    attach: (s) => {
      service = s;
    },
  };
}

/**
 * What a sync needs of the core, without building the whole core (its API registry and
 * schemas): for `npm run sync`, whose memory is the sync's own. The hall server passes its
 * core's deps instead, so updates applied at night reach the screens.
 */
export function standaloneSyncDeps(db: CoreDeps['db'], logger: CoreDeps['logger'], clock: Clock = systemClock): CoreDeps {
  return {
    db,
    clock,
    logger,
    events: createEventBus({ now: clock.now }),
    sessionPolicy: defaultSessionPolicy,
    lockout: { maxFailures: 5, lockMinutes: 15 },
    queuePushWindowMs: 0,
    ports: defaultPorts,
  };
}
