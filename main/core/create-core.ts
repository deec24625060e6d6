import type { Db } from '../../db/connection.ts';
import { deleteExpiredSessions } from '../../db/sessions.ts';
import type { Result } from './api/errors.ts';
import type { InputOf, OutputOf } from './api/method.ts';
import { createRegistry, type Registry } from './api/registry.ts';
import { defaultSessionPolicy, resolveCaller, type SessionPolicy } from './auth/sessions.ts';
import { type Clock, systemClock } from './clock.ts';
import { type Contract, contract, type MethodName } from './contract.ts';
import { type CoreDeps, type CorePorts, defaultPorts, type LockoutPolicy } from './deps.ts';
import { createPresence, type Presence } from './devices/presence.ts';
import { domainHandlers } from './domain-handlers.ts';
import { domainContracts, type DomainName } from './domains.ts';
import { createEventBus, type EventBus } from './events.ts';
import { readHallStatus } from './hall/handlers.ts';
import { type Logger, silentLogger } from '../../common/logger.ts';
import { sweepExpired } from './ratings/invitations.ts';
import { runRetentionIfDue } from './privacy/retention-job.ts';
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
  for (const name of Object.keys(domainContracts).filter((n): n is DomainName => n in domainContracts)) registerDomain(registry, name, deps);
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

/** One domain's handlers under its contract; a generic helper keeps each pair's types tied together. */
function registerDomain<D extends DomainName>(registry: Registry, name: D, deps: CoreDeps): void {
  registry.register(domainContracts[name], domainHandlers[name](deps));
}
