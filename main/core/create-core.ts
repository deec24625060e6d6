import type { Db } from '../../db/connection.ts';
import { deleteExpiredSessions } from '../../db/sessions.ts';
import type { Result } from './api/errors.ts';
import type { InputOf, OutputOf } from './api/method.ts';
import { createRegistry, type Registry } from './api/registry.ts';
import { authHandlers } from './auth/handlers.ts';
import { defaultSessionPolicy, resolveCaller, type SessionPolicy } from './auth/sessions.ts';
import { type Clock, systemClock } from './clock.ts';
import { type Contract, contract, type MethodName } from './contract.ts';
import { type CoreDeps, type CorePorts, defaultPorts, type LockoutPolicy } from './deps.ts';
import { devicesHandlers } from './devices/handlers.ts';
import { createPresence, type Presence } from './devices/presence.ts';
import { createEventBus, type EventBus } from './events.ts';
import { hallHandlers, readHallStatus } from './hall/handlers.ts';
import { intakeHandlers } from './intake/handlers.ts';
import { type Logger, silentLogger } from '../../common/logger.ts';
import { queueHandlers } from './queue/handlers.ts';
import { ratingsHandlers } from './ratings/handlers.ts';
import { sweepExpired } from './ratings/invitations.ts';
import { reportsHandlers } from './reports/handlers.ts';
import { setupHandlers } from './setup/handlers.ts';
import { staffHandlers } from './staff/handlers.ts';
import { syncHandlers } from './sync/handlers.ts';
import { adminHandlers } from './admin/handlers.ts';
import { complaintsHandlers } from './complaints/handlers.ts';
import { followupsHandlers } from './followups/handlers.ts';
import { runRetentionIfDue } from './privacy/retention-job.ts';
import { privacyHandlers } from './privacy/handlers.ts';
import { staffProfileHandlers } from './staff/profile-handlers.ts';
import { updatesHandlers } from './updates/handlers.ts';
import type { Caller, Origin } from './api/caller.ts';

export type CoreOptions = {
  db: Db;
  clock?: Clock;
  logger?: Logger;
  sessionPolicy?: SessionPolicy;
  lockout?: LockoutPolicy;
  ports?: Partial<CorePorts>;
  /** See CoreDeps.queuePushWindowMs; the hall server uses 50 ms, tests see every change at once. */
  queuePushWindowMs?: number;
};

export type Core = {
  deps: CoreDeps;
  registry: Registry;
  events: EventBus;
  /** The one entry point of both transports: token in, result out, errors as data. */
  call: (name: string, input: unknown, token: string | undefined, origin?: Origin) => Promise<Result<unknown>>;
  /** Typed call for in-process code and tests. */
  send: <K extends MethodName>(name: K, input: InputOf<Contract[K]>, token?: string) => Promise<Result<OutputOf<Contract[K]>>>;
  resolve: (token: string | undefined) => Caller;
  /** Paired screens with a live push feed: the push transports join it (main/server/push.ts). */
  presence: Presence;
  /** Periodic upkeep: drop expired sessions, publish the hall status. */
  tick: () => void;
};

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const events = createEventBus({ now: clock.now });
  const presence = createPresence((deviceId, connected) => events.emit('devices/presence', { deviceId, connected }, ['clerk', 'manager', 'admin']));
  const deps: CoreDeps = {
    db: options.db,
    clock,
    logger,
    events,
    sessionPolicy: options.sessionPolicy ?? defaultSessionPolicy,
    lockout: options.lockout ?? { maxFailures: 5, lockMinutes: 15 },
    queuePushWindowMs: options.queuePushWindowMs ?? 0,
    ports: { ...defaultPorts, deviceConnected: presence.connected, ...options.ports },
  };
  const registry = createRegistry(contract, logger);
  registry.register(contract, {
    ...setupHandlers(deps),
    ...authHandlers(deps),
    ...staffHandlers(deps),
    ...devicesHandlers(deps),
    ...hallHandlers(deps),
    ...queueHandlers(deps),
    ...intakeHandlers(deps),
    ...ratingsHandlers(deps),
    ...reportsHandlers(deps),
    ...syncHandlers(deps),
    ...complaintsHandlers(deps),
    ...followupsHandlers(deps),
    ...adminHandlers(deps),
    ...staffProfileHandlers(deps),
    ...privacyHandlers(deps),
    ...updatesHandlers(deps),
  });
  registry.assertComplete();

  const resolve = (token: string | undefined): Caller => resolveCaller(deps.db, clock, deps.sessionPolicy, token);
  const durable = deps.ports.durable;
  const call = async (name: string, input: unknown, token: string | undefined, origin?: Origin): Promise<Result<unknown>> => {
    const result = await registry.dispatch(name, input, resolve(token), origin);
    if (!durable) return result;
    try {
      await durable();
    } catch (error) {
      // The disk refused the write: the answer must not say it was kept.
      logger.error({ err: error instanceof Error ? error.message : String(error), method: name }, 'commit could not be made durable');
      return { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };
    }
    return result;
  };

  return {
    deps,
    registry,
    events,
    call,
    send: (name, input, token) => call(name, input, token) as never,
    resolve,
    presence,
    tick() {
      deleteExpiredSessions(deps.db, clock.now().toISOString());
      // Invitations whose timer died with a stopped hall end unrated here, not when someone next opens the figures.
      sweepExpired(deps);
      // Personal data whose time is up goes at the first tick of each hall day (docs/privacy.md).
      try {
        runRetentionIfDue(deps);
      } catch (error) {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, 'retention job failed');
      }
      events.emit('hall/status', readHallStatus(deps), ['clerk', 'manager', 'admin', 'kiosk', 'display', 'rate']);
    },
  };
}
